using System.Runtime.InteropServices;

namespace Harrier.Core.Storage;

/// <summary>
/// Folders under a shared temp directory that hold what a task runs (working directories, helper libraries) must be
/// this user's alone: another local user who created one first, or who may write in it, could plant code that the next
/// task runs under this user's identity (a <c>sitecustomize.py</c> on <c>PYTHONPATH</c>). Such folders are created
/// 0700 and checked before use; one that belongs to someone else, or that others may write in, is refused.
/// </summary>
public static partial class PrivateFolder
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode GroupOrOtherWrite = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    /// <summary>This process's effective user id (0 off Unix).</summary>
    public static uint CurrentUserId { get; } = OperatingSystem.IsWindows() ? 0 : GetEffectiveUserId();

    /// <summary><c>&lt;temp&gt;/&lt;name&gt;-&lt;uid&gt;</c>: a per-user folder name, so users of one machine never share one.</summary>
    public static string UserTempPath(string name) =>
        Path.Combine(Path.GetTempPath(), OperatingSystem.IsWindows() ? $"{name}-{Environment.UserName}" : $"{name}-{CurrentUserId}");

    /// <summary>
    /// Creates <paramref name="path"/> (0700) when missing, then checks that it is a directory of this user that no one
    /// else may write in — the link itself and its target, when it is a symbolic link.
    /// </summary>
    /// <param name="purpose">What the folder is for, in the error (e.g. "the working directories' parent").</param>
    /// <exception cref="UnauthorizedAccessException">The folder belongs to another user or others may write in it; the message says what to do.</exception>
    public static string Ensure(string path, string purpose)
    {
        var full = Path.GetFullPath(path);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(full);
            return full;
        }

        if (!Path.Exists(full))
        {
            CreateMissing(full);
        }

        CheckParent(full, purpose);
        Check(full, purpose, followLink: false);
        Check(full, purpose, followLink: true);
        return full;
    }

    /// <summary>
    /// Whoever may write in the parent may rename the folder away and put theirs in its place: the parent must be this
    /// user's or root's, and closed to others unless sticky (as /tmp is, where only an entry's owner may rename it).
    /// </summary>
    private static void CheckParent(string full, string purpose)
    {
        if (Path.GetDirectoryName(full) is not { } parent)
        {
            return;
        }

        var (uid, mode, _, _) = FileStatus.Of(parent, followLink: true);
        var fix = $"choose a folder of your own for {purpose}";
        if (uid != CurrentUserId && uid != 0)
        {
            throw new UnauthorizedAccessException($"'{parent}', the parent of '{full}' ({purpose}), belongs to user {uid}, who could replace it; {fix}");
        }

        if ((mode & GroupOrOtherWrite) != 0 && (mode & UnixFileMode.StickyBit) == 0)
        {
            throw new UnauthorizedAccessException(
                $"'{parent}', the parent of '{full}' ({purpose}), may be written by other users (mode {Convert.ToString((int)mode & 0xFFF, 8)}) who could replace it; {fix}");
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void CreateMissing(string full)
    {
        var parent = Path.GetDirectoryName(full);
        if (parent is not null && !Directory.Exists(parent))
        {
            CreateMissing(parent);
        }

        try
        {
            Directory.CreateDirectory(full, OwnerOnly);
        }
        catch (IOException) when (Path.Exists(full))
        {
            // Someone made it in between: the checks below decide whether it can be used.
        }
    }

    private static void Check(string full, string purpose, bool followLink)
    {
        var (uid, mode, isDirectory, isLink) = FileStatus.Of(full, followLink);
        var fix = $"remove it (or ask its owner to) and run again, or choose a folder of your own for {purpose}";
        if (!followLink && isLink && uid != CurrentUserId)
        {
            throw new UnauthorizedAccessException($"'{full}' ({purpose}) is a symbolic link made by user {uid}, not by this user ({CurrentUserId}); {fix}");
        }

        if (!followLink)
        {
            return;
        }

        if (!isDirectory)
        {
            throw new UnauthorizedAccessException($"'{full}' ({purpose}) exists but is not a directory; {fix}");
        }

        if (uid != CurrentUserId)
        {
            throw new UnauthorizedAccessException(
                $"'{full}' ({purpose}) belongs to user {uid}, not to this user ({CurrentUserId}): files planted there would run as you; {fix}");
        }

        if ((mode & GroupOrOtherWrite) != 0)
        {
            throw new UnauthorizedAccessException(
                $"'{full}' ({purpose}) may be written by other users (mode {Convert.ToString((int)mode & 0xFFF, 8)}): files planted there would run as you; "
                + $"make it private (chmod 700 '{full}') or {fix}");
        }
    }

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();
}
