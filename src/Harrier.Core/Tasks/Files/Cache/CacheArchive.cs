using System.IO.Compression;
using Harrier.Core.Storage;
using Harrier.Core.Tasks.Running;

namespace Harrier.Core.Tasks.Files.Cache;

/// <summary>
/// The cache's zip: regular files keyed by their path relative to the working directory ('/' separators), each
/// entry carrying the file's last write time. Extraction trusts nothing in the archive: an entry that is absolute,
/// holds '..', a backslash, a colon or an empty segment, or is a symbolic link, refuses the whole archive, and no
/// file is ever written through a link already in the directory.
/// </summary>
public static class CacheArchive
{
    private const int UnixFileTypeMask = 0xF000;
    private const int UnixSymbolicLink = 0xA000;

    /// <summary>Writes <paramref name="files"/> (relative path → absolute path) as a zip into <paramref name="target"/>.</summary>
    public static async Task WriteAsync(IEnumerable<KeyValuePair<string, string>> files, Stream target, CancellationToken cancellationToken)
    {
        using var zip = new ZipArchive(target, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (relative, absolute) in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var entry = zip.CreateEntry(relative, CompressionLevel.Fastest);
            entry.LastWriteTime = File.GetLastWriteTime(absolute);
            await using var source = StreamCopy.OpenRead(absolute);
            await using var destination = entry.Open();
            await source.CopyToAsync(destination, StreamCopy.BufferFor(source), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Extracts the zip in <paramref name="source"/> (seekable) below <paramref name="directory"/>, replacing files
    /// already there; returns the relative paths written. Every entry is checked before anything is written.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ExtractAsync(Stream source, string directory, CancellationToken cancellationToken)
    {
        using var zip = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
        var targets = new List<(ZipArchiveEntry Entry, string Relative, string Path)>();
        foreach (var entry in zip.Entries)
        {
            targets.Add((entry, entry.FullName.TrimEnd('/'), TargetOf(entry, directory)));
        }

        var written = new List<string>();
        foreach (var (entry, relative, path) in targets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (entry.FullName.EndsWith('/'))
            {
                Directory.CreateDirectory(path);
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            ContainedPath.EnsureInside(directory, path);
            await using (var input = entry.Open())
            {
                await StreamCopy.ToFileAsync(input, path, cancellationToken).ConfigureAwait(false);
            }

            File.SetLastWriteTime(path, entry.LastWriteTime.DateTime);
            written.Add(relative);
        }

        return written;
    }

    private static string TargetOf(ZipArchiveEntry entry, string directory)
    {
        var name = entry.FullName;
        if (((entry.ExternalAttributes >> 16) & UnixFileTypeMask) == UnixSymbolicLink)
        {
            throw new TaskFailedException($"the cache archive holds the symbolic link '{name}', which is never restored; delete the archive to rebuild the cache");
        }

        var trimmed = name.EndsWith('/') ? name[..^1] : name;
        try
        {
            // Split without dropping empty parts: '/etc/passwd' and 'a//b' show up as an empty segment and are refused.
            return ContainedPath.Resolve(directory, trimmed.Split('/'));
        }
        catch (StoragePathException ex)
        {
            throw new TaskFailedException($"the cache archive holds the unsafe entry '{name}' ({ex.Message}); nothing was restored", ex);
        }
    }
}
