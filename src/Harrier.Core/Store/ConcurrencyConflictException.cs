namespace Harrier.Core.Store;

/// <summary>
/// A write of a task run based on a version another writer has replaced meanwhile: the store refused the whole
/// transaction. The writer reads again and decides again.
/// </summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);
