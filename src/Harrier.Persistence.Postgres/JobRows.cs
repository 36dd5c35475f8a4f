using Harrier.Core.Queue;

namespace Harrier.Persistence.Postgres;

/// <summary>The job queue's writes, inside the caller's transaction (the queue's own and the engine's commits share them).</summary>
internal static class JobRows
{
    private const string Insert =
        "INSERT INTO jobs (execution_id, task_run_id, attempt, worker_group, not_before, enqueued_at, owner) " +
        "VALUES (@execution_id, @task_run_id, @attempt, @group, @not_before, @enqueued_at, (SELECT owner FROM executions WHERE id = @execution_id))";

    private const string Held = "id = @id AND lease_owner = @owner AND lease_epoch = @epoch";

    private const string DeleteHeld = "DELETE FROM jobs WHERE " + Held;

    private const string ReleaseHeld = "UPDATE jobs SET lease_owner = NULL, lease_expires_at = NULL WHERE " + Held;

    private const string DeleteUnleased =
        "DELETE FROM jobs WHERE execution_id = @execution_id AND (lease_expires_at IS NULL OR lease_expires_at <= @now)";

    // FOR UPDATE: the lease cannot be taken over between this check and the commit of the write it allows.
    private const string LockHeld = "SELECT 1 FROM jobs WHERE " + Held + " FOR UPDATE";

    public static async Task EnqueueAsync(PgSession session, WorkerJob job, DateTimeOffset notBefore, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await session.Sql(Insert)
            .Bind("@execution_id", job.ExecutionId).Bind("@task_run_id", job.TaskRunId).Bind("@attempt", job.Attempt)
            .Bind("@group", job.WorkerGroup).Bind("@not_before", notBefore).Bind("@enqueued_at", now)
            .ExecuteAsync(cancellationToken).ConfigureAwait(false);
        session.Notify(Notifications.Jobs);
    }

    public static async Task<bool> CompleteAsync(PgSession session, JobLease lease, CancellationToken cancellationToken) =>
        await BindHeld(session.Sql(DeleteHeld), lease).ExecuteAsync(cancellationToken).ConfigureAwait(false) == 1;

    public static async Task<bool> ReleaseAsync(PgSession session, JobLease lease, CancellationToken cancellationToken)
    {
        var released = await BindHeld(session.Sql(ReleaseHeld), lease).ExecuteAsync(cancellationToken).ConfigureAwait(false) == 1;
        if (released)
        {
            session.Notify(Notifications.Jobs);
        }

        return released;
    }

    public static async Task<bool> StillHeldAsync(PgSession session, JobLease lease, CancellationToken cancellationToken) =>
        await BindHeld(session.Sql(LockHeld), lease).ScalarAsync(cancellationToken).ConfigureAwait(false) is not null;

    public static Task<int> CancelUnleasedAsync(PgSession session, string executionId, DateTimeOffset now, CancellationToken cancellationToken) =>
        session.Sql(DeleteUnleased).Bind("@execution_id", executionId).Bind("@now", now).ExecuteAsync(cancellationToken);

    private static PgStatement BindHeld(PgStatement statement, JobLease lease) =>
        statement.Bind("@id", lease.JobId).Bind("@owner", lease.WorkerId).Bind("@epoch", lease.Epoch);
}
