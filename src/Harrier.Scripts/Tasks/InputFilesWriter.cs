using System.Text;
using Harrier.Core.Json;
using Harrier.Core.Storage;
using Harrier.Core.Tasks.Running;

namespace Harrier.Scripts.Tasks;

/// <summary>
/// Writes <c>inputFiles</c> (spec §5.1): a map, or a text rendering to a JSON object, of relative path →
/// content, or a <c>harrier://</c>/<c>kestra://</c>, <c>nsfile://</c> or <c>file://</c> URI whose bytes are streamed in.
/// Keys may create sub-directories but can never leave the working directory (no '..', no absolute path, no link).
/// </summary>
internal static class InputFilesWriter
{
    /// <param name="property">The property holding the files: <c>inputFiles</c>, or LocalFiles' <c>inputs</c>.</param>
    public static async Task WriteAsync(PropertyReader properties, ExecutionFiles? storage, string workingDirectory, CancellationToken cancellationToken, string property = "inputFiles")
    {
        var value = properties.Value(property);
        if (value is string json)
        {
            value = ParseJsonObject(json);
        }

        if (value is null)
        {
            return;
        }

        if (value is not IReadOnlyDictionary<string, object?> files)
        {
            throw new TaskFailedException($"{property} must be a map of file name to content, or a text holding a JSON object");
        }

        foreach (var (name, content) in files)
        {
            if (content is null)
            {
                continue;
            }

            var path = SafePath(workingDirectory, name);
            var text = PropertyReader.AsText(content);
            // Checked before anything is created: a link planted by an earlier task of a WorkingDirectory would
            // otherwise have its target's folders made (outside) before the write is refused.
            EnsureInside(workingDirectory, path, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // Again once the folders exist: nothing else writes into the directory while the task prepares.
            EnsureInside(workingDirectory, path, name);

            if (ExecutionFiles.IsUri(text))
            {
                await DownloadAsync(storage, name, text, path, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await File.WriteAllTextAsync(path, text, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task DownloadAsync(ExecutionFiles? storage, string name, string uri, string path, CancellationToken cancellationToken)
    {
        if (storage is null)
        {
            throw new TaskFailedException($"inputFiles '{name}': reading {uri} needs internal storage, which this engine was started without");
        }

        try
        {
            await storage.DownloadAsync(uri, path, cancellationToken).ConfigureAwait(false);
        }
        catch (StoragePathException ex)
        {
            throw new TaskFailedException($"inputFiles '{name}': {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new TaskFailedException($"inputFiles '{name}': {uri} does not exist", ex);
        }
    }

    private static void EnsureInside(string workingDirectory, string path, string name)
    {
        try
        {
            ContainedPath.EnsureInside(workingDirectory, path);
        }
        catch (StoragePathException ex)
        {
            throw new TaskFailedException($"inputFiles key '{name}': {ex.Message}", ex);
        }
    }

    /// <summary>The absolute path of <paramref name="name"/> inside the directory; absolute names and '..' are refused.</summary>
    public static string SafePath(string directory, string name)
    {
        if (string.IsNullOrWhiteSpace(name) || Path.IsPathRooted(name) || name.Replace('\\', '/').Split('/').Contains(".."))
        {
            throw new TaskFailedException($"inputFiles key '{name}' must be a relative path without '..' (e.g. data/input.csv)");
        }

        var root = Path.GetFullPath(directory) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(root, name));
        return full.StartsWith(root, StringComparison.Ordinal) ? full : throw new TaskFailedException($"inputFiles key '{name}' leaves the working directory");
    }

    private static object? ParseJsonObject(string json)
    {
        try
        {
            return PlainJson.Parse(json);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new TaskFailedException($"inputFiles is a text but not a JSON object: {ex.Message}");
        }
    }
}
