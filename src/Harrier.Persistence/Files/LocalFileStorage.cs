using Harrier.Core.Engine;
using Harrier.Core.Engine.Coordination;
using Harrier.Core.Storage;

namespace Harrier.Persistence.Files;

/// <summary>
/// Internal storage on the local disk (the embedded default): a file at <c>harrier:///a/b/c</c> lives at
/// <c>&lt;root&gt;/files/a/b/c</c>. Writes go to <c>&lt;root&gt;/partial</c> first and are renamed into place, so a
/// reader never sees half a file. A partial file is named after the process writing it (<c>host-pid-start.random</c>),
/// so a write cut short by the death of its process is removed by the next process on this machine
/// (<see cref="RemoveAbandonedPartials"/>). No path leaves <c>files/</c>: <see cref="StorageUri"/> has no traversal, and
/// <see cref="ContainedPath"/> refuses symbolic links on the way. Everything is owner-only (folders 0700, files 0600,
/// a copied file too, whatever its source's mode): stored files are never world-readable nor world-writable.
/// </summary>
public sealed class LocalFileStorage : IFileStorage, ILocalFileCopy
{
    private readonly string _files;
    private readonly string _partial;

    public LocalFileStorage(string root)
    {
        Root = Path.GetFullPath(root);
        _files = Path.Combine(Root, "files");
        _partial = Path.Combine(Root, "partial");
        OwnerOnly.CreateOwnDirectory(Root);
        OwnerOnly.CreateOwnDirectory(_files);
        OwnerOnly.CreateOwnDirectory(_partial);
    }

    public string Root { get; }

    /// <summary>Deletes partial files of processes of this machine that are gone; returns their paths.</summary>
    public IReadOnlyList<string> RemoveAbandonedPartials()
    {
        var removed = new List<string>();
        foreach (var file in Directory.EnumerateFiles(_partial))
        {
            var name = Path.GetFileName(file);
            var dot = name.LastIndexOf('.');
            var owner = dot > 0 ? ProcessIdentity.TryParseFileName(name[..dot]) : null;
            if (owner?.IsAlive() != false)
            {
                continue;
            }

            try
            {
                File.Delete(file);
                removed.Add(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Left for the next sweep.
            }
        }

        return removed;
    }

    private string NewPartial() => Path.Combine(_partial, $"{ProcessIdentity.Current.ToFileName()}.{Ids.New(16)}");

    public async Task PutAsync(StorageUri uri, Stream content, CancellationToken cancellationToken)
    {
        var target = PathOf(uri);
        var temporary = NewPartial();
        try
        {
            await using (var file = new FileStream(temporary, OwnerOnly.NewFile()))
            {
                await content.CopyToAsync(file, StreamCopy.BufferFor(content), cancellationToken).ConfigureAwait(false);
            }

            CreateParent(target);
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task PutFileAsync(StorageUri uri, string sourcePath, CancellationToken cancellationToken)
    {
        var target = PathOf(uri);
        var temporary = NewPartial();
        try
        {
            File.Copy(sourcePath, temporary);
            // The copy took the source's mode (a task may leave 0777 or setuid files): stored files are 0600.
            SetOwnerOnly(temporary);
            CreateParent(target);
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return Task.CompletedTask;
    }

    public Task CopyToFileAsync(StorageUri uri, string targetPath, CancellationToken cancellationToken)
    {
        var path = PathOf(uri);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No file at {uri}", uri.ToString());
        }

        File.Copy(path, targetPath, overwrite: true);
        if (!OperatingSystem.IsWindows())
        {
            // Out of storage into a working directory (itself 0700): a plain file a container's user can read.
            File.SetUnixFileMode(targetPath, OwnerOnly.FileMode | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        return Task.CompletedTask;
    }

    public Task<Stream> OpenReadAsync(StorageUri uri, CancellationToken cancellationToken)
    {
        var path = PathOf(uri);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No file at {uri}", uri.ToString());
        }

        Stream stream = StreamCopy.OpenRead(path);
        return Task.FromResult(stream);
    }

    public Task<StoredFile?> GetInfoAsync(StorageUri uri, CancellationToken cancellationToken)
    {
        var info = new FileInfo(PathOf(uri));
        return Task.FromResult(info.Exists ? new StoredFile(uri, info.Length, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero)) : null);
    }

    public Task<IReadOnlyList<StoredFile>> ListAsync(StorageUri prefix, CancellationToken cancellationToken)
    {
        var path = PathOf(prefix);
        var found = new List<StoredFile>();
        if (File.Exists(path))
        {
            found.Add(new StoredFile(prefix, new FileInfo(path).Length));
        }
        else if (Directory.Exists(path))
        {
            // Links are skipped, not followed: a linked folder could be anywhere.
            var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
            foreach (var file in new DirectoryInfo(path).EnumerateFiles("*", options))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var relative = Path.GetRelativePath(path, file.FullName).Replace(Path.DirectorySeparatorChar, '/');
                found.Add(new StoredFile(prefix.Append(relative), file.Length));
            }
        }

        found.Sort((a, b) => string.CompareOrdinal(a.Uri.Path, b.Uri.Path));
        return Task.FromResult<IReadOnlyList<StoredFile>>(found);
    }

    public Task<int> DeleteAsync(StorageUri uri, CancellationToken cancellationToken)
    {
        var path = PathOf(uri);
        if (File.Exists(path))
        {
            File.Delete(path);
            return Task.FromResult(1);
        }

        if (!Directory.Exists(path) || uri.Segments.Count == 0)
        {
            return Task.FromResult(0);
        }

        var count = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }).Count();
        Directory.Delete(path, recursive: true);
        return Task.FromResult(count);
    }

    private string PathOf(StorageUri uri) => ContainedPath.Resolve(_files, uri.Segments);

    private static void SetOwnerOnly(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, OwnerOnly.FileMode);
        }
    }

    // Checked before the folders are made, then again: no link on the way may send the file elsewhere.
    private void CreateParent(string target)
    {
        ContainedPath.EnsureInside(_files, target);
        OwnerOnly.CreateDirectory(Path.GetDirectoryName(target)!);
        ContainedPath.EnsureInside(_files, target);
    }
}
