using Harrier.Scripts.Languages;

namespace Harrier.Scripts.Helpers;

/// <summary>
/// Helpers inside a container: the task's language's helper (and the shell one, which any command can source) are
/// copied into <c>&lt;working dir&gt;/.harrier-helpers</c> — the path is the same inside, as the working directory is
/// copied or mounted at its host path — and only the variables pointing there are set. Removed after the run, so they
/// are never collected as output files nor left in a shared WorkingDirectory.
/// </summary>
/// <remarks>
/// Only a working directory that already holds files (a Script task's script, input or namespace files) gets them:
/// those are copied into the container anyway, while copying into an otherwise empty one costs a whole archive upload
/// (measured: +160 ms a task, ×1.07 → ×1.37 against <c>docker run</c>).
/// </remarks>
internal static class ContainerHelpers
{
    public const string DirectoryName = ".harrier-helpers";

    /// <summary>As <see cref="Install"/> when the working directory holds files; otherwise no helpers and no variables.</summary>
    public static IReadOnlyDictionary<string, string> InstallWithFiles(HelperEnvironment helpers, IScriptLanguage language, string workingDirectory, IReadOnlyDictionary<string, string> taskEnvironment) =>
        Directory.EnumerateFileSystemEntries(workingDirectory).Any()
            ? Install(helpers, language, workingDirectory, taskEnvironment)
            : new Dictionary<string, string>();

    /// <summary>Copies the helpers the language needs and returns the variables that put them on its path.</summary>
    public static IReadOnlyDictionary<string, string> Install(HelperEnvironment helpers, IScriptLanguage language, string workingDirectory, IReadOnlyDictionary<string, string> taskEnvironment)
    {
        var target = Path.Combine(workingDirectory, DirectoryName);
        var folders = FoldersFor(language.Name);
        foreach (var folder in folders)
        {
            CopyTree(Path.Combine(helpers.RootDirectory, folder), Path.Combine(target, folder));
        }

        var all = HelperEnvironment.BuildVariables(taskEnvironment, target);
        return all
            .Where(pair => pair.Key == "HARRIER_HELPERS"
                || folders.Any(folder => pair.Value.Contains(Path.Combine(target, folder), StringComparison.Ordinal))
                || (pair.Key == HelperEnvironment.OriginalRProfileVariable && folders.Contains("r")))
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
    }

    public static void Remove(string workingDirectory)
    {
        var target = Path.Combine(workingDirectory, DirectoryName);
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }
    }

    /// <summary>Bun reads NODE_PATH like Node; Go and Deno have no helper (they print protocol lines themselves).</summary>
    private static List<string> FoldersFor(string language) => language switch
    {
        "shell" or "go" or "deno" => ["shell"],
        "bun" => ["shell", "node"],
        _ => ["shell", language],
    };

    private static void CopyTree(string source, string target)
    {
        if (!Directory.Exists(source))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }
}
