using Harrier.Persistence;

namespace Harrier.Cli.Executions;

/// <summary>
/// Commands that only read (executions, logs, files get, nsfiles get/list/delete) need a data directory that
/// exists: opening a mistyped one would silently create an empty one and report "no execution" instead of the typo.
/// </summary>
internal static class ExistingDataDirectory
{
    /// <summary>Returns <paramref name="directory"/>, or throws a <see cref="DataDirectoryException"/> (exit code 2) saying it does not exist.</summary>
    public static string Require(string directory)
    {
        if (Directory.Exists(directory))
        {
            return directory;
        }

        var full = Path.GetFullPath(directory);
        throw new DataDirectoryException(File.Exists(full)
            ? $"the data directory '{directory}' is a file, not a directory; give the --data-dir that 'harrier run' used"
            : $"the data directory '{directory}' ({full}) does not exist; give the --data-dir that 'harrier run' used (default: .harrier in the current directory)");
    }

    /// <summary>As <see cref="Require"/>, and the directory must hold a database: an existing folder that is not a data directory is not silently made one.</summary>
    public static string RequireStore(string directory)
    {
        Require(directory);
        var database = new Persistence.Sqlite.SqliteOptions { DataDirectory = directory }.FileName;
        return File.Exists(Path.Combine(directory, database))
            ? directory
            : throw new DataDirectoryException($"'{directory}' is not a Harrier data directory (it holds no {database}); give the --data-dir that 'harrier run' used");
    }
}
