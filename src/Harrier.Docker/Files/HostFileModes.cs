namespace Harrier.Docker.Files;

/// <summary>
/// A container (often root) decides the modes of the files it leaves in the host's working directory. A setuid-root
/// binary or a world-writable file there would hand root, or the task's files, to another local user: modes coming
/// back from a container lose setuid, setgid and sticky bits and group/other write, and the working directory itself
/// is owner-only again.
/// </summary>
internal static class HostFileModes
{
    private const UnixFileMode Dropped = UnixFileMode.SetUser | UnixFileMode.SetGroup | UnixFileMode.StickyBit
        | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>The mode a file from a container gets on the host.</summary>
    public static UnixFileMode Safe(UnixFileMode mode) => mode & ~Dropped;

    /// <summary>
    /// Makes every file and folder below <paramref name="workingDirectory"/> safe (links are not followed) and the
    /// directory itself 0700. Returns the number of entries changed. Files the worker cannot change are reported.
    /// </summary>
    public static int Sanitize(string workingDirectory, Action<string> log)
    {
        if (OperatingSystem.IsWindows() || !Directory.Exists(workingDirectory))
        {
            return 0;
        }

        var changed = 0;
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        foreach (var entry in new DirectoryInfo(workingDirectory).EnumerateFileSystemInfos("*", options))
        {
            if (entry.LinkTarget is not null)
            {
                continue;
            }

            var mode = entry.UnixFileMode;
            if ((mode & Dropped) == 0)
            {
                continue;
            }

            try
            {
                entry.UnixFileMode = Safe(mode);
                changed++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                log($"Could not remove setuid/setgid or group/other write from '{entry.FullName}' (left by the container): {ex.Message}");
            }
        }

        if (new DirectoryInfo(workingDirectory).UnixFileMode != OwnerOnly)
        {
            File.SetUnixFileMode(workingDirectory, OwnerOnly);
            changed++;
        }

        return changed;
    }
}
