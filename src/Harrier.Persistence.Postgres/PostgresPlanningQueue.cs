using Harrier.Core.Queue;

namespace Harrier.Persistence.Postgres;

/// <summary>
/// Durable executor wake-ups in PostgreSQL (table <c>execution_wakeups</c>, contract: <see cref="IPlanningQueue"/>).
/// A claim takes the oldest due row with <c>FOR UPDATE SKIP LOCKED</c>, so several executors never plan one execution at
/// once, and plan different ones in parallel.
/// </summary>
public sealed class PostgresPlanningQueue(PostgresDatabase database, TimeProvider time) : IPlanningQueue
{
    private const string Due = "due_at <= @now AND (lease_expires_at IS NULL OR lease_expires_at <= @now)";

    private static string ClaimSql(bool pool) =>
        "UPDATE execution_wakeups SET lease_owner = @owner, lease_expires_at = @expires, lease_epoch = lease_epoch + 1 " +
        "WHERE execution_id = (SELECT execution_id FROM execution_wakeups WHERE " + OwnerScope.Condition(pool) + " AND " + Due +
        " ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING execution_id, lease_epoch, wake_count";

    private static readonly string ClaimPool = ClaimSql(pool: true);
    private static readonly string ClaimOwned = ClaimSql(pool: false);

    private static string NextDueSql(bool pool) =>
        "SELECT MIN(CASE WHEN lease_expires_at IS NULL OR lease_expires_at < due_at THEN due_at ELSE lease_expires_at END) " +
        "FROM execution_wakeups WHERE " + OwnerScope.Condition(pool);

    private static readonly string NextDuePool = NextDueSql(pool: true);
    private static readonly string NextDueOwned = NextDueSql(pool: false);

    public Task<PlanningLease?> TryClaimAsync(string executorId, string? owner, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(executorId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        return database.WriteAsync(session =>
        {
            var now = time.GetUtcNow();
            var expires = now + leaseDuration;
            var statement = session.Sql(OwnerScope.Pick(owner, ClaimPool, ClaimOwned))
                .Bind("@owner", executorId).Bind("@expires", expires).Bind("@now", now);
            if (owner is not null)
            {
                statement.Bind("@scope", owner);
            }

            return statement.ReadOneAsync(r => new PlanningLease(r.GetString(0), executorId, r.GetInt64(1), r.GetInt64(2), expires), cancellationToken);
        }, cancellationToken);
    }

    public Task<bool> ReleaseAsync(PlanningLease lease, CancellationToken cancellationToken) =>
        database.WriteAsync(session => WakeupLeases.FreeAsync(session, lease, time.GetUtcNow(), cancellationToken), cancellationToken);

    public Task WakeAsync(string executionId, DateTimeOffset? at, CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
        {
            await WakeupRows.WakeAsync(session, executionId, at ?? time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return 0;
        }, cancellationToken);

    public Task<DateTimeOffset?> NextDueAsync(string? owner, CancellationToken cancellationToken) =>
        database.ReadAsync(async session =>
        {
            var statement = session.Sql(OwnerScope.Pick(owner, NextDuePool, NextDueOwned));
            if (owner is not null)
            {
                statement.Bind("@scope", owner);
            }

            return StoredDates.ParseOrNull(await statement.ScalarAsync(cancellationToken).ConfigureAwait(false) as string);
        }, cancellationToken);
}
