namespace Harrier.Core.Queue;

/// <summary>
/// A claimed job: the worker owns it until <see cref="ExpiresAt"/> unless it renews the lease. <see cref="Epoch"/>
/// grows with every claim of the job, so a write under an older lease is recognised and refused.
/// </summary>
public sealed record JobLease(long JobId, WorkerJob Job, string WorkerId, long Epoch, DateTimeOffset ExpiresAt);
