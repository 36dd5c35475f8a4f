using Harrier.Core.Queue;
using Microsoft.Data.Sqlite;

namespace Harrier.Persistence.Sqlite;

/// <summary>
/// The worker job queue in SQLite, with leases timed by the injected <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// Claim order: the job that has been due the longest (<c>not_before</c>, then enqueue order).
/// Worker groups follow <see cref="WorkerJob.WorkerGroup"/>: a job without a group is claimable by any worker;
/// a job of group G only by workers of group G. So a worker of group G claims G's jobs and group-less ones, and
/// a worker without a group claims only group-less jobs.
/// Leases: a claim sets owner and expiry; once the expiry passes, anyone may claim the job again. Renewal and
/// completion act only while <see cref="JobLease.WorkerId"/> still owns the row, so worker ids must be unique
/// per worker slot (e.g. host:pid:slot). A renewal after expiry still succeeds when nobody took the job over,
/// since that worker is the only one running it.
/// </remarks>
public sealed class SqliteJobQueue(SqliteDatabase database, TimeProvider time) : IJobQueue
{
    private const string GroupFilter = "(worker_group IS NULL OR worker_group = @group)";

    private const string Claim =
        "UPDATE jobs SET lease_owner = @owner, lease_expires_at = @expires WHERE id = (" +
        "SELECT id FROM jobs WHERE not_before <= @now AND (lease_expires_at IS NULL OR lease_expires_at <= @now) AND " + GroupFilter +
        " ORDER BY not_before, id LIMIT 1) RETURNING id, execution_id, task_run_id, attempt, worker_group";

    private const string AnyClaimable =
        "SELECT 1 FROM jobs WHERE not_before <= @now AND (lease_expires_at IS NULL OR lease_expires_at <= @now) AND " + GroupFilter + " LIMIT 1";

    private const string NextDue =
        "SELECT MIN(CASE WHEN lease_expires_at IS NULL OR lease_expires_at < not_before THEN not_before ELSE lease_expires_at END) " +
        "FROM jobs WHERE " + GroupFilter;

    public Task EnqueueAsync(WorkerJob job, DateTimeOffset? notBefore, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return database.WriteAsync(write => JobRows.Enqueue(write, job, notBefore ?? now, now), cancellationToken);
    }

    public async Task<JobLease?> TryClaimAsync(string workerId, string? workerGroup, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(workerId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        if (!await HasClaimableAsync(workerGroup, cancellationToken).ConfigureAwait(false))
        {
            // An idle worker slot looks often; a read on a pooled connection spares the single writer a transaction.
            // A job enqueued right after this look is not lost: the enqueuer's wake-up (or the next poll) brings us back.
            return null;
        }

        return await database.WriteAsync(write =>
        {
            // Read the clock under the write lock so claims see time move forward in commit order.
            var now = time.GetUtcNow();
            var expires = now + leaseDuration;
            var command = write.Command(Claim);
            command.Bind("@owner", workerId).Bind("@expires", SqliteDates.ToText(expires))
                .Bind("@now", SqliteDates.ToText(now)).Bind("@group", workerGroup);
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }

            var job = new WorkerJob(reader.GetString(1), reader.GetString(2), reader.GetInt32(3)) { WorkerGroup = reader.GetStringOrNull(4) };
            return new JobLease(reader.GetInt64(0), job, workerId, expires);
        }, cancellationToken).ConfigureAwait(false);
    }

    private Task<bool> HasClaimableAsync(string? workerGroup, CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            using var command = SqliteCommands.Create(connection, null, AnyClaimable);
            return command.Bind("@now", SqliteDates.ToText(time.GetUtcNow())).Bind("@group", workerGroup).ExecuteScalar() is not null;
        }, cancellationToken);

    public Task<bool> RenewAsync(JobLease lease, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        return database.WriteAsync(write =>
        {
            var expires = time.GetUtcNow() + leaseDuration;
            var command = write.Command(
                "UPDATE jobs SET lease_expires_at = @expires WHERE id = @id AND lease_owner = @owner");
            return command.Bind("@expires", SqliteDates.ToText(expires)).Bind("@id", lease.JobId).Bind("@owner", lease.WorkerId)
                .ExecuteNonQuery() == 1;
        }, cancellationToken);
    }

    public Task CompleteAsync(JobLease lease, CancellationToken cancellationToken) =>
        database.WriteAsync(write => JobRows.Complete(write, lease), cancellationToken);

    public Task<DateTimeOffset?> NextDueAsync(string? workerGroup, CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            using var command = SqliteCommands.Create(connection, null, NextDue);
            return SqliteDates.ParseOrNull(command.Bind("@group", workerGroup).ExecuteScalar() as string);
        }, cancellationToken);

    public Task<int> CancelExecutionAsync(string executionId, CancellationToken cancellationToken) =>
        database.WriteAsync(write =>
        {
            var command = write.Command("DELETE FROM jobs WHERE execution_id = @execution_id");
            return command.Bind("@execution_id", executionId).ExecuteNonQuery();
        }, cancellationToken);
}
