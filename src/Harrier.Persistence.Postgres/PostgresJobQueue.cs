using Harrier.Core.Queue;

namespace Harrier.Persistence.Postgres;

/// <summary>
/// The worker job queue in PostgreSQL (contract: <see cref="IJobQueue"/>), leases timed by the injected
/// <see cref="TimeProvider"/>. A claim locks the oldest due row with <c>FOR UPDATE SKIP LOCKED</c>: claimers on any
/// number of machines never wait on each other and never take the same job. Enqueues notify <c>harrier_jobs</c>.
/// </summary>
/// <remarks>Lease semantics as SQLite's (see Harrier.Persistence's README, "Queue semantics").</remarks>
public sealed class PostgresJobQueue(PostgresDatabase database, TimeProvider time) : IJobQueue
{
    // Pool claims match their group exactly (NULL: group-less jobs only); owned claims (harrier run) take every group.
    private static string Group(bool pool) => pool ? "worker_group IS NOT DISTINCT FROM @group" : "TRUE";

    private const string Due = "not_before <= @now AND (lease_expires_at IS NULL OR lease_expires_at <= @now)";

    private const string Returning = "RETURNING id, execution_id, task_run_id, attempt, worker_group, lease_epoch";

    private static string ClaimSql(bool pool) =>
        "UPDATE jobs SET lease_owner = @owner, lease_expires_at = @expires, lease_epoch = lease_epoch + 1 WHERE id = (" +
        "SELECT id FROM jobs WHERE " + OwnerScope.Condition(pool) + " AND " + Due + " AND " + Group(pool) +
        " ORDER BY not_before, id LIMIT 1 FOR UPDATE SKIP LOCKED) " + Returning;

    private static string WaitingSql(bool pool) =>
        "SELECT id, execution_id, task_run_id, attempt, worker_group, enqueued_at FROM jobs WHERE " + OwnerScope.Condition(pool) +
        " AND worker_group IS NOT NULL AND " + Due + " ORDER BY not_before, id LIMIT @limit OFFSET @offset";

    private static readonly string WaitingPool = WaitingSql(pool: true);
    private static readonly string WaitingOwned = WaitingSql(pool: false);

    private static string ClaimOneSql(bool pool) =>
        "UPDATE jobs SET lease_owner = @owner, lease_expires_at = @expires, lease_epoch = lease_epoch + 1 " +
        "WHERE id = (SELECT id FROM jobs WHERE id = @id AND " + OwnerScope.Condition(pool) + " AND " + Due + " FOR UPDATE SKIP LOCKED) " + Returning;

    private static readonly string ClaimOnePool = ClaimOneSql(pool: true);
    private static readonly string ClaimOneOwned = ClaimOneSql(pool: false);

    private static readonly string ClaimPool = ClaimSql(pool: true);
    private static readonly string ClaimOwned = ClaimSql(pool: false);

    private static string NextDueSql(bool pool) =>
        "SELECT MIN(CASE WHEN lease_expires_at IS NULL OR lease_expires_at < not_before THEN not_before ELSE lease_expires_at END) " +
        "FROM jobs WHERE " + OwnerScope.Condition(pool) + " AND " + Group(pool);

    private static string AnyDueSql(bool pool) =>
        "SELECT 1 FROM jobs WHERE " + OwnerScope.Condition(pool) + " AND " + Due + " AND " + Group(pool) + " LIMIT 1";

    private static readonly string AnyDuePool = AnyDueSql(pool: true);
    private static readonly string AnyDueOwned = AnyDueSql(pool: false);

    private static readonly string NextDuePool = NextDueSql(pool: true);
    private static readonly string NextDueOwned = NextDueSql(pool: false);

    private const string Renew = "UPDATE jobs SET lease_expires_at = @expires WHERE id = @id AND lease_owner = @owner AND lease_epoch = @epoch";

    public Task EnqueueAsync(WorkerJob job, DateTimeOffset? notBefore, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return database.WriteAsync(async session =>
        {
            await JobRows.EnqueueAsync(session, job, notBefore ?? now, now, cancellationToken).ConfigureAwait(false);
            return 0;
        }, cancellationToken);
    }

    public Task<JobLease?> TryClaimAsync(JobClaim claim, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(claim.WorkerId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(claim.LeaseDuration, TimeSpan.Zero);
        return database.WriteAsync(session => ClaimInAsync(session, claim, time, cancellationToken), cancellationToken);
    }

    /// <summary>The claim itself, inside the caller's transaction (the engine's claim reads its rows in the same one).</summary>
    internal static Task<JobLease?> ClaimInAsync(PgSession session, JobClaim claim, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var expires = now + claim.LeaseDuration;
        var statement = session.Sql(OwnerScope.Pick(claim.Owner, ClaimPool, ClaimOwned))
            .Bind("@owner", claim.WorkerId).Bind("@expires", expires).Bind("@now", now);
        if (claim.Owner is not null)
        {
            statement.Bind("@scope", claim.Owner);
        }
        else
        {
            statement.Bind("@group", claim.WorkerGroup);
        }

        return ReadLeaseAsync(statement, claim, expires, cancellationToken);
    }

    private static Task<JobLease?> ReadLeaseAsync(PgStatement statement, JobClaim claim, DateTimeOffset expires, CancellationToken cancellationToken) =>
        statement.ReadOneAsync(
            r => new JobLease(r.GetInt64(0), new WorkerJob(r.GetString(1), r.GetString(2), r.GetInt32(3)) { WorkerGroup = r.GetStringOrNull(4) },
                claim.WorkerId, r.GetInt64(5), expires),
            cancellationToken);

    public Task<IReadOnlyList<WaitingGroupJob>> ListWaitingGroupJobsAsync(string? owner, int offset, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        return database.ReadAsync<IReadOnlyList<WaitingGroupJob>>(async session =>
        {
            var statement = session.Sql(OwnerScope.Pick(owner, WaitingPool, WaitingOwned)).Bind("@now", time.GetUtcNow()).Bind("@limit", limit).Bind("@offset", offset);
            if (owner is not null)
            {
                statement.Bind("@scope", owner);
            }

            return await statement.ReadAllAsync(
                r => new WaitingGroupJob(r.GetInt64(0), new WorkerJob(r.GetString(1), r.GetString(2), r.GetInt32(3)) { WorkerGroup = r.GetString(4) }, r.GetDate(5)),
                cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<JobLease?> TryClaimJobAsync(long jobId, JobClaim claim, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(claim.WorkerId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(claim.LeaseDuration, TimeSpan.Zero);
        return database.WriteAsync(session =>
        {
            var now = time.GetUtcNow();
            var expires = now + claim.LeaseDuration;
            var statement = session.Sql(OwnerScope.Pick(claim.Owner, ClaimOnePool, ClaimOneOwned))
                .Bind("@id", jobId).Bind("@owner", claim.WorkerId).Bind("@expires", expires).Bind("@now", now);
            if (claim.Owner is not null)
            {
                statement.Bind("@scope", claim.Owner);
            }

            return ReadLeaseAsync(statement, claim, expires, cancellationToken);
        }, cancellationToken);
    }

    public Task<bool> RenewAsync(JobLease lease, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        return database.WriteAsync(async session =>
        {
            var expires = time.GetUtcNow() + leaseDuration;
            return await session.Sql(Renew).Bind("@expires", expires).Bind("@id", lease.JobId).Bind("@owner", lease.WorkerId)
                .Bind("@epoch", lease.Epoch).ExecuteAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken);
    }

    public Task<bool> CompleteAsync(JobLease lease, CancellationToken cancellationToken) =>
        database.WriteAsync(session => JobRows.CompleteAsync(session, lease, cancellationToken), cancellationToken);

    public Task<bool> ReleaseAsync(JobLease lease, CancellationToken cancellationToken) =>
        database.WriteAsync(session => JobRows.ReleaseAsync(session, lease, cancellationToken), cancellationToken);

    /// <remarks>
    /// A job due now answers at once through the (owner, not_before) index; only an idle scope (nothing claimable) pays for
    /// the minimum over its jobs, which then holds only leased and delayed ones.
    /// </remarks>
    public Task<DateTimeOffset?> NextDueAsync(JobClaim claim, CancellationToken cancellationToken) =>
        database.ReadAsync(async session =>
        {
            var now = time.GetUtcNow();
            if (await Scoped(session.Sql(OwnerScope.Pick(claim.Owner, AnyDuePool, AnyDueOwned)), claim).Bind("@now", now)
                .ScalarAsync(cancellationToken).ConfigureAwait(false) is not null)
            {
                return now;
            }

            var statement = Scoped(session.Sql(OwnerScope.Pick(claim.Owner, NextDuePool, NextDueOwned)), claim);
            return StoredDates.ParseOrNull(await statement.ScalarAsync(cancellationToken).ConfigureAwait(false) as string);
        }, cancellationToken);

    private static PgStatement Scoped(PgStatement statement, JobClaim claim) =>
        claim.Owner is not null ? statement.Bind("@scope", claim.Owner) : statement.Bind("@group", claim.WorkerGroup);
}
