namespace Harrier.Core.Queue;

/// <summary>A claimed job: the worker owns it until <see cref="ExpiresAt"/> unless it renews the lease.</summary>
public sealed record JobLease(long JobId, WorkerJob Job, string WorkerId, DateTimeOffset ExpiresAt);
