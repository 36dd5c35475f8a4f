namespace Harrier.Core.Store;

/// <summary>
/// A write under a lease that the writer no longer holds (it expired and another process took the work over): the
/// store refused it and changed nothing. The writer must stop the work the lease covered.
/// </summary>
public sealed class LeaseLostException(string message) : Exception(message);
