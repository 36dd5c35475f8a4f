using System.Collections.Concurrent;
using Harrier.Core.Storage;

namespace Harrier.Core.Tasks.Files;

/// <summary>
/// Uploads a run's output files (spec §5.2, §5.3): regular files matching an <c>outputFiles</c> pattern, keyed by
/// their path relative to the working directory, and every file below the output directory, keyed relative to it.
/// Links are not followed. Runs after success and after failure; the result is the output's <c>outputFiles</c> map.
/// </summary>
public static class OutputFilesCollector
{
    private static readonly EnumerationOptions Walk = new() { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };

    public static async Task<Dictionary<string, object?>> CollectAsync(ExecutionFiles files, OutputFilesRequest request, CancellationToken cancellationToken)
    {
        var wanted = new Dictionary<string, string>(StringComparer.Ordinal);
        var matchers = request.Patterns.Select(OutputFileMatcher.Create).ToList();
        if (matchers.Count > 0)
        {
            foreach (var (relative, absolute) in FilesBelow(request.WorkingDirectory))
            {
                if (!request.Reserved.Contains(relative) && matchers.Any(m => m.IsMatch(relative, absolute)))
                {
                    wanted[relative] = absolute;
                }
            }
        }

        if (request.OutputDirectory is { } outputDirectory && Directory.Exists(outputDirectory))
        {
            foreach (var (relative, absolute) in FilesBelow(outputDirectory))
            {
                wanted[relative] = absolute;
            }
        }

        var uris = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(wanted, parallel, async (file, ct) =>
            uris[file.Key] = (await files.UploadAsync(file.Key, file.Value, ct).ConfigureAwait(false)).ToString()).ConfigureAwait(false);
        return uris.OrderBy(u => u.Key, StringComparer.Ordinal).ToDictionary(u => u.Key, u => (object?)u.Value, StringComparer.Ordinal);
    }

    private static IEnumerable<(string Relative, string Absolute)> FilesBelow(string directory) =>
        Directory.EnumerateFiles(directory, "*", Walk)
            .Select(path => (Path.GetRelativePath(directory, path).Replace(Path.DirectorySeparatorChar, '/'), path));
}
