namespace Harrier.Core.Storage;

/// <summary>
/// One file in internal storage, as listed. <paramref name="Modified"/> is when the file was last stored, when
/// the storage can tell (null otherwise); the WorkingDirectory cache ages its archives by it.
/// </summary>
public sealed record StoredFile(StorageUri Uri, long Size, DateTimeOffset? Modified = null);
