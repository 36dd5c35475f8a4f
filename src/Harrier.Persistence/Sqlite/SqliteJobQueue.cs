using Harrier.Core.Queue;

namespace Harrier.Persistence.Sqlite;

/// <summary>
/// The worker job queue in SQLite, with leases timed by the injected <see cref="TimeProvider"/> (contract: <see cref="IJobQueue"/>).
/// </summary>
/// <remarks>
/// Claim order: the job that has been due the longest (<c>not_before</c>, then enqueue order). A claim sets owner,
/// expiry and a new epoch; once the expiry passes, anyone may claim the job again. A renewal after expiry still
/// succeeds when nobody took the job over, since that worker is the only one running it.
/// </remarks>
public sealed class SqliteJobQueue(SqliteDatabase database, TimeProvider time) : IJobQueue
{
    // Pool claims (@scope NULL) match their group exactly (NULL: group-less jobs only); owned claims take every group.
    private const string Scope = "owner IS @scope AND (@scope IS NOT NULL OR worker_group IS @group)";

    private const string Due = "not_before <= @now AND (lease_expires_at IS NULL OR lease_expires_at <= @now)";

    private const string Claimable = Due + " AND " + Scope;

    private const string Claim =
        "UPDATE jobs SET lease_owner = @owner, lease_expires_at = @expires, lease_epoch = lease_epoch + 1 WHERE id = (" +
        "SELECT id FROM jobs WHERE " + Claimable + " ORDER BY not_before, id LIMIT 1) " +
        "RETURNING id, execution_id, task_run_id, attempt, worker_group, lease_epoch";

    private const string AnyClaimable = "SELECT 1 FROM jobs WHERE " + Claimable + " LIMIT 1";

    private const string NextDue =
        "SELECT MIN(CASE WHEN lease_expires_at IS NULL OR lease_expires_at < not_before THEN not_before ELSE lease_expires_at END) " +
        "FROM jobs WHERE " + Scope;

    private const string Waiting =
        "SELECT id, execution_id, task_run_id, attempt, worker_group, enqueued_at FROM jobs " +
        "WHERE owner IS @scope AND worker_group IS NOT NULL AND " + Due + " ORDER BY not_before, id LIMIT @limit OFFSET @offset";

    private const string ClaimOne =
        "UPDATE jobs SET lease_owner = @owner, lease_expires_at = @expires, lease_epoch = lease_epoch + 1 " +
        "WHERE id = @id AND owner IS @scope AND " + Due + " RETURNING id, execution_id, task_run_id, attempt, worker_group, lease_epoch";

    private const string Renew =
        "UPDATE jobs SET lease_expires_at = @expires WHERE id = @id AND lease_owner = @owner AND lease_epoch = @epoch";

    public Task EnqueueAsync(WorkerJob job, DateTimeOffset? notBefore, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return database.WriteAsync(write => JobRows.Enqueue(write, job, notBefore ?? now, now), cancellationToken);
    }

    public async Task<JobLease?> TryClaimAsync(JobClaim claim, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(claim.WorkerId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(claim.LeaseDuration, TimeSpan.Zero);
        if (!await HasClaimableAsync(claim, cancellationToken).ConfigureAwait(false))
        {
            // An idle worker slot looks often; a read on a pooled connection spares the single writer a transaction.
            // A job enqueued right after this look is not lost: the enqueuer's nudge (or the next poll) brings us back.
            return null;
        }

        return await database.WriteAsync(write => ClaimIn(write, claim, time), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The claim itself, inside the caller's write transaction (the engine's claim reads its rows in the same one).</summary>
    internal static JobLease? ClaimIn(SqliteWrite write, JobClaim claim, TimeProvider time)
    {
        // Read the clock under the write lock so claims see time move forward in commit order.
        var now = time.GetUtcNow();
        var expires = now + claim.LeaseDuration;
        var command = write.Command(Claim);
        command.Bind("@owner", claim.WorkerId).Bind("@expires", SqliteDates.ToText(expires))
            .Bind("@now", SqliteDates.ToText(now)).Bind("@group", claim.WorkerGroup).Bind("@scope", claim.Owner);
        return ReadLease(command, claim, expires);
    }

    private static JobLease? ReadLease(Microsoft.Data.Sqlite.SqliteCommand command, JobClaim claim, DateTimeOffset expires)
    {
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var job = new WorkerJob(reader.GetString(1), reader.GetString(2), reader.GetInt32(3)) { WorkerGroup = reader.GetStringOrNull(4) };
        return new JobLease(reader.GetInt64(0), job, claim.WorkerId, reader.GetInt64(5), expires);
    }

    public Task<IReadOnlyList<WaitingGroupJob>> ListWaitingGroupJobsAsync(string? owner, int offset, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        return database.QueryAsync<IReadOnlyList<WaitingGroupJob>>(read =>
        {
            var command = read.Command(Waiting).Bind("@scope", owner).Bind("@now", SqliteDates.ToText(time.GetUtcNow())).Bind("@limit", limit).Bind("@offset", offset);
            using var reader = command.ExecuteReader();
            var jobs = new List<WaitingGroupJob>();
            while (reader.Read())
            {
                var job = new WorkerJob(reader.GetString(1), reader.GetString(2), reader.GetInt32(3)) { WorkerGroup = reader.GetString(4) };
                jobs.Add(new WaitingGroupJob(reader.GetInt64(0), job, SqliteDates.Parse(reader.GetString(5))));
            }

            return jobs;
        }, cancellationToken);
    }

    public Task<JobLease?> TryClaimJobAsync(long jobId, JobClaim claim, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(claim.WorkerId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(claim.LeaseDuration, TimeSpan.Zero);
        return database.WriteAsync(write =>
        {
            var now = time.GetUtcNow();
            var expires = now + claim.LeaseDuration;
            var command = write.Command(ClaimOne).Bind("@id", jobId).Bind("@owner", claim.WorkerId).Bind("@expires", SqliteDates.ToText(expires))
                .Bind("@now", SqliteDates.ToText(now)).Bind("@scope", claim.Owner);
            return ReadLease(command, claim, expires);
        }, cancellationToken);
    }

    private Task<bool> HasClaimableAsync(JobClaim claim, CancellationToken cancellationToken) =>
        database.QueryAsync(read =>
        {
            var command = read.Command(AnyClaimable);
            return command.Bind("@now", SqliteDates.ToText(time.GetUtcNow())).Bind("@group", claim.WorkerGroup).Bind("@scope", claim.Owner)
                .ExecuteScalar() is not null;
        }, cancellationToken);

    public Task<bool> RenewAsync(JobLease lease, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        return database.WriteAsync(write =>
        {
            var expires = time.GetUtcNow() + leaseDuration;
            return write.Command(Renew).Bind("@expires", SqliteDates.ToText(expires)).Bind("@id", lease.JobId)
                .Bind("@owner", lease.WorkerId).Bind("@epoch", lease.Epoch).ExecuteNonQuery() == 1;
        }, cancellationToken);
    }

    public Task<bool> CompleteAsync(JobLease lease, CancellationToken cancellationToken) =>
        database.WriteAsync(write => JobRows.Complete(write, lease), cancellationToken);

    public Task<bool> ReleaseAsync(JobLease lease, CancellationToken cancellationToken) =>
        database.WriteAsync(write => JobRows.Release(write, lease), cancellationToken);

    /// <remarks>
    /// A job due now answers at once through the (owner, not_before) index; only an idle scope (nothing claimable) pays for
    /// the minimum over its jobs, which then holds only leased and delayed ones. So a worker draining 100,000 queued jobs
    /// does not scan them between two claims.
    /// </remarks>
    public Task<DateTimeOffset?> NextDueAsync(JobClaim claim, CancellationToken cancellationToken) =>
        database.QueryAsync(read =>
        {
            var now = time.GetUtcNow();
            if (read.Command(AnyClaimable).Bind("@now", SqliteDates.ToText(now)).Bind("@group", claim.WorkerGroup).Bind("@scope", claim.Owner).ExecuteScalar() is not null)
            {
                return now;
            }

            var command = read.Command(NextDue);
            return SqliteDates.ParseOrNull(command.Bind("@group", claim.WorkerGroup).Bind("@scope", claim.Owner).ExecuteScalar() as string);
        }, cancellationToken);
}
