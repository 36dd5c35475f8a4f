using Harrier.Core.Storage;
using Harrier.Core.Store;
using Harrier.Server.Hosting;

namespace Harrier.Server.Api.Executions;

/// <summary>
/// The store's resume, preceded by the upload of the form's files. The resumer calls it only once every onResume value
/// was valid, so a refused form stores no file, and a resumed Pause never names a file that is not there yet.
/// </summary>
internal sealed class FileFirstResumes(HarrierHost host, IReadOnlyList<(StorageUri Uri, IFormFile File)> uploads) : IPauseResumes
{
    public async Task<ResumeOutcome> ResumeAsync(string executionId, IReadOnlyDictionary<string, IReadOnlyDictionary<string, object?>> outputsByTaskRun, CancellationToken cancellationToken)
    {
        foreach (var (uri, file) in uploads)
        {
            await using var content = file.OpenReadStream();
            await host.Files.PutAsync(uri, content, cancellationToken);
        }

        return await host.Store.Resumes.ResumeAsync(executionId, outputsByTaskRun, cancellationToken);
    }
}
