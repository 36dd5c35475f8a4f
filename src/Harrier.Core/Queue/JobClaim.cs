namespace Harrier.Core.Queue;

/// <summary>Who claims jobs: a worker slot, its group, the owner scope it works for, and how long a lease lasts.</summary>
/// <param name="WorkerId">Unique per worker slot (host:pid:start:slot): leases are held by slots.</param>
/// <param name="Owner">Jobs of executions owned by this process id; null: the pool's (server) executions.</param>
public sealed record JobClaim(string WorkerId, string? WorkerGroup, string? Owner, TimeSpan LeaseDuration);
