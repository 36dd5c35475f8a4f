namespace Harrier.Scripts.Runners.Process;

/// <summary>Finds the program of an argv the way execvp would, using the child's PATH.</summary>
internal static class ExecutableResolver
{
    /// <summary>The absolute path of <paramref name="program"/>, or null when it cannot be found.</summary>
    public static string? Resolve(string program, string workingDirectory, string? path)
    {
        if (program.Length == 0)
        {
            return null;
        }

        if (program.Contains('/', StringComparison.Ordinal))
        {
            var candidate = Path.GetFullPath(program, workingDirectory);
            return IsExecutableFile(candidate) ? candidate : null;
        }

        foreach (var directory in (path ?? string.Empty).Split(':'))
        {
            // An empty PATH entry means the current directory, as for execvp.
            var folder = directory.Length == 0 ? workingDirectory : Path.GetFullPath(directory, workingDirectory);
            var candidate = Path.Combine(folder, program);
            if (IsExecutableFile(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// Where <see cref="Resolve"/> found nothing: the first file or directory named <paramref name="program"/> it passed
    /// over for lacking execute permission, or null when there is none. execvp fails with EACCES then, and a shell
    /// reports 126 ("cannot execute") rather than 127 ("not found"); telling the two apart points the user at chmod.
    /// </summary>
    public static string? FindNotExecutable(string program, string workingDirectory, string? path)
    {
        if (program.Length == 0)
        {
            return null;
        }

        var candidates = program.Contains('/', StringComparison.Ordinal)
            ? [Path.GetFullPath(program, workingDirectory)]
            : (path ?? string.Empty).Split(':').Select(directory => Path.Combine(directory.Length == 0 ? workingDirectory : Path.GetFullPath(directory, workingDirectory), program));
        return candidates.FirstOrDefault(candidate => (File.Exists(candidate) || Directory.Exists(candidate)) && !IsExecutableFile(candidate));
    }

    private static bool IsExecutableFile(string candidate)
    {
        if (!File.Exists(candidate))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(candidate) & anyExecute) != 0;
    }
}
