namespace Harrier.Core.Store;

/// <summary>Worker jobs in the queue: waiting to be claimed, and claimed (running) under a lease.</summary>
public sealed record QueueDepth(long Waiting, long Leased);
