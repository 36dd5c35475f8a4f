namespace Harrier.Core.Storage;

/// <summary>One file in internal storage, as listed.</summary>
public sealed record StoredFile(StorageUri Uri, long Size);
