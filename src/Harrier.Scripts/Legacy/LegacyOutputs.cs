using Harrier.Core.Tasks.Running;
using Harrier.Scripts.Tasks;

namespace Harrier.Scripts.Legacy;

/// <summary>The legacy tasks' named output files and output folders: created as paths before the run, uploaded by name after it.</summary>
internal static class LegacyOutputs
{
    public static Dictionary<string, object?> CreateDirectories(string workingDirectory, IReadOnlyList<string> names)
    {
        var directories = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var path = InputFilesWriter.SafePath(workingDirectory, name);
            Directory.CreateDirectory(path);
            directories[name] = path;
        }

        return directories;
    }

    /// <summary>Uploads each named file the script wrote (a missing one is skipped) and every file below each output folder.</summary>
    public static async Task<Dictionary<string, object?>> UploadAsync(
        TaskRunContext context, RunnerVariables variables, IReadOnlyList<string> names, IReadOnlyDictionary<string, object?> directories, CancellationToken cancellationToken)
    {
        var uploaded = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (names.Count == 0 && directories.Count == 0)
        {
            return uploaded;
        }

        var files = context.Files ?? throw new TaskFailedException("outputFiles need internal storage, which this engine was started without");
        foreach (var name in names)
        {
            var path = InputFilesWriter.SafePath(variables.WorkingDirectory, name);
            if (File.Exists(path))
            {
                uploaded[name] = (await files.UploadAsync(name, path, cancellationToken).ConfigureAwait(false)).ToString();
            }
        }

        foreach (var (name, folder) in directories)
        {
            foreach (var file in Directory.EnumerateFiles((string)folder!, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var key = name + "/" + Path.GetRelativePath((string)folder!, file).Replace('\\', '/');
                uploaded[key] = (await files.UploadAsync(key, file, cancellationToken).ConfigureAwait(false)).ToString();
            }
        }

        return uploaded;
    }
}
