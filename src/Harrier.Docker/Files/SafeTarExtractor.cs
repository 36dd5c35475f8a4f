using System.Formats.Tar;

namespace Harrier.Docker.Files;

/// <summary>
/// Extracts the container's copy of the working directory over the host's (spec §3.3 VOLUME copy-back).
/// The archive comes from a container, so from untrusted code: an entry may not leave the destination by
/// <c>..</c>, an absolute name, or through a symbolic link (no entry is written below a link, and links are
/// created only when they point inside the destination). The worker writes every file itself, so the files a
/// container wrote as root belong to the worker and can be deleted afterwards. Existing files are replaced. Modes lose
/// setuid, setgid and group/other write (<see cref="HostFileModes"/>).
/// </summary>
internal static class SafeTarExtractor
{
    /// <summary>Extracts <paramref name="archive"/>, whose first path component is dropped, into <paramref name="destination"/>.</summary>
    /// <returns>A sentence per entry that was skipped, for the run's log.</returns>
    public static async Task<IReadOnlyList<string>> ExtractAsync(Stream archive, string destination, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(destination);
        var skipped = new List<string>();
        await using var reader = new TarReader(archive, leaveOpen: true);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } entry)
        {
            var relative = StripFirstComponent(entry.Name);
            if (relative is null)
            {
                continue;
            }

            var target = Path.GetFullPath(Path.Combine(root, relative));
            if (!IsInside(root, target) || HasLinkBetween(root, target))
            {
                skipped.Add($"skipped '{relative}' from the container: it points outside the working directory");
                continue;
            }

            switch (entry.EntryType)
            {
                case TarEntryType.Directory:
                    Directory.CreateDirectory(target);
                    TrySetMode(target, HostFileModes.Safe(entry.Mode) | UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                    break;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                    await WriteFileAsync(entry, target, cancellationToken).ConfigureAwait(false);
                    break;
                case TarEntryType.SymbolicLink:
                    var linkTarget = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(target)!, entry.LinkName));
                    if (IsInside(root, linkTarget))
                    {
                        Remove(target);
                        File.CreateSymbolicLink(target, entry.LinkName);
                    }
                    else
                    {
                        skipped.Add($"skipped the link '{relative}' from the container: it points outside the working directory");
                    }

                    break;
                default:
                    skipped.Add($"skipped '{relative}' from the container: {entry.EntryType} entries are not copied back");
                    break;
            }
        }

        return skipped;
    }

    private static async Task WriteFileAsync(TarEntry entry, string target, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        Remove(target);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows())
        {
            // Never setuid nor world-writable on the host, whatever the container made it (see HostFileModes).
            options.UnixCreateMode = HostFileModes.Safe(entry.Mode) | UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var file = new FileStream(target, options);
        await using (file.ConfigureAwait(false))
        {
            if (entry.DataStream is { } data)
            {
                await data.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            }
        }

        File.SetLastWriteTimeUtc(target, entry.ModificationTime.UtcDateTime);
    }

    private static string? StripFirstComponent(string name)
    {
        var trimmed = name.Replace('\\', '/').TrimStart('/');
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        var rest = slash < 0 ? "" : trimmed[(slash + 1)..].TrimEnd('/');
        return rest.Length == 0 ? null : rest;
    }

    private static bool IsInside(string root, string path) =>
        path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    // A link already on disk between the root and the entry (put there by an earlier entry, or by the script
    // before a copy-back) would send the write elsewhere.
    private static bool HasLinkBetween(string root, string target)
    {
        for (var directory = Path.GetDirectoryName(target); directory is not null && directory.Length > root.Length; directory = Path.GetDirectoryName(directory))
        {
            if (new FileInfo(directory).LinkTarget is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static void Remove(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null || info.Exists)
        {
            info.Delete();
        }
    }

    private static void TrySetMode(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }
    }
}
