namespace Harrier.Core.Store;

/// <summary>
/// The store cannot be written or read for an environmental reason (its disk is full, an I/O error): nothing the engine
/// can fix by retrying at once. The message says what happened, where, and what to do. What was running stays stored
/// as it was, to be finished by recovery once the cause is gone.
/// </summary>
public sealed class StoreFailedException(string message, Exception? inner = null) : Exception(message, inner);
