using Harrier.Core.Flows;
using Harrier.Core.Storage;

namespace Harrier.Cli.Running;

/// <summary>
/// <c>--input NAME=@path</c> for a FILE input: the value becomes the URI the file will have
/// (<c>harrier:///&lt;ns&gt;/&lt;flow&gt;/executions/&lt;id&gt;/inputs/&lt;input&gt;/&lt;file name&gt;</c>), and the file is
/// uploaded once the inputs are valid, before the execution starts. Other inputs keep a leading '@' as text.
/// </summary>
public static class FileInputs
{
    public static IReadOnlyList<(StorageUri Uri, string LocalPath)> Prepare(FlowDefinition flow, Dictionary<string, object?> given, string executionId, List<string> errors)
    {
        var uploads = new List<(StorageUri, string)>();
        foreach (var input in flow.Inputs.Where(i => i.Type == "FILE"))
        {
            if (given.GetValueOrDefault(input.Id) is not string text || !text.StartsWith('@'))
            {
                continue;
            }

            var path = Path.GetFullPath(text[1..]);
            if (!File.Exists(path))
            {
                errors.Add($"input '{input.Id}' (FILE): no file at {path}");
                continue;
            }

            var uri = StoragePaths.Input(flow.Namespace, flow.Id, executionId, input.Id, path);
            given[input.Id] = uri.ToString();
            uploads.Add((uri, path));
        }

        return uploads;
    }

    public static async Task UploadAsync(IFileStorage storage, IReadOnlyList<(StorageUri Uri, string LocalPath)> uploads, CancellationToken cancellationToken)
    {
        foreach (var (uri, path) in uploads)
        {
            if (storage is ILocalFileCopy local)
            {
                await local.PutFileAsync(uri, path, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await using var source = StreamCopy.OpenRead(path);
            await storage.PutAsync(uri, source, cancellationToken).ConfigureAwait(false);
        }
    }
}
