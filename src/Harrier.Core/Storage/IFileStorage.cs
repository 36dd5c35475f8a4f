namespace Harrier.Core.Storage;

/// <summary>
/// Internal storage: files by <see cref="StorageUri"/>. Content always streams (never whole in memory). A missing
/// file reads as <see cref="FileNotFoundException"/>. Implementations keep every address inside their root,
/// symlinks included; <see cref="StorageUri"/> already refuses traversal. The contract suite is
/// <c>Harrier.TestKit.Contracts.FileStorageContract</c>.
/// </summary>
public interface IFileStorage
{
    /// <summary>Stores <paramref name="content"/> (read to its end) at <paramref name="uri"/>, replacing a file there. Readers never see a partial file.</summary>
    Task PutAsync(StorageUri uri, Stream content, CancellationToken cancellationToken);

    /// <summary>Opens the file for reading; the caller disposes the stream.</summary>
    Task<Stream> OpenReadAsync(StorageUri uri, CancellationToken cancellationToken);

    /// <summary>The file's size, or null when there is no file at <paramref name="uri"/> (a folder is no file).</summary>
    Task<StoredFile?> GetInfoAsync(StorageUri uri, CancellationToken cancellationToken);

    /// <summary>Every file at or below <paramref name="prefix"/> (segment-wise: <c>/a/b</c> does not list <c>/a/bc</c>), ordered by path.</summary>
    Task<IReadOnlyList<StoredFile>> ListAsync(StorageUri prefix, CancellationToken cancellationToken);

    /// <summary>Deletes the file at <paramref name="uri"/>, or every file below it; returns how many files went.</summary>
    Task<int> DeleteAsync(StorageUri uri, CancellationToken cancellationToken);
}
