namespace Harrier.Core.Storage;

/// <summary>
/// Optional capability of a storage that keeps files on the worker's disk: copies between a local path and
/// storage that the kernel does (<see cref="File.Copy(string, string, bool)"/>: reflink or in-kernel copy), without
/// passing the bytes through the process. Callers fall back to streams when a storage does not offer it.
/// </summary>
public interface ILocalFileCopy
{
    Task PutFileAsync(StorageUri uri, string sourcePath, CancellationToken cancellationToken);

    /// <summary>Copies the stored file to <paramref name="targetPath"/>; a missing file throws <see cref="FileNotFoundException"/>.</summary>
    Task CopyToFileAsync(StorageUri uri, string targetPath, CancellationToken cancellationToken);
}
