using Harrier.Core.Queue;

namespace Harrier.Persistence.Sqlite;

/// <summary>The job queue's writes, inside the caller's transaction (the queue's own and the engine's commits share them).</summary>
internal static class JobRows
{
    // The owner is the execution's at enqueue time (adoption moves both together).
    private const string Insert =
        "INSERT INTO jobs (execution_id, task_run_id, attempt, worker_group, not_before, enqueued_at, owner) " +
        "VALUES (@execution_id, @task_run_id, @attempt, @group, @not_before, @enqueued_at, (SELECT owner FROM executions WHERE id = @execution_id))";

    // Every write under a lease names its epoch: a worker whose lease was taken over (even by a claim of the same slot
    // id after a restart) cannot touch the job any more.
    private const string Held = "id = @id AND lease_owner = @owner AND lease_epoch = @epoch";

    private const string DeleteHeld = "DELETE FROM jobs WHERE " + Held;

    private const string ReleaseHeld = "UPDATE jobs SET lease_owner = NULL, lease_expires_at = NULL WHERE " + Held;

    private const string DeleteUnleased =
        "DELETE FROM jobs WHERE execution_id = @execution_id AND (lease_expires_at IS NULL OR lease_expires_at <= @now)";

    private const string IsHeld = "SELECT 1 FROM jobs WHERE " + Held;

    public static int Enqueue(SqliteWrite write, WorkerJob job, DateTimeOffset notBefore, DateTimeOffset now) =>
        write.Command(Insert)
            .Bind("@execution_id", job.ExecutionId).Bind("@task_run_id", job.TaskRunId).Bind("@attempt", job.Attempt)
            .Bind("@group", job.WorkerGroup).Bind("@not_before", SqliteDates.ToText(notBefore))
            .Bind("@enqueued_at", SqliteDates.ToText(now)).ExecuteNonQuery();

    /// <summary>Removes the job while <paramref name="lease"/> still holds it; false when it does not.</summary>
    public static bool Complete(SqliteWrite write, JobLease lease) => BindHeld(write.Command(DeleteHeld), lease).ExecuteNonQuery() == 1;

    /// <summary>Frees the job for another claim while <paramref name="lease"/> still holds it; false when it does not.</summary>
    public static bool Release(SqliteWrite write, JobLease lease) => BindHeld(write.Command(ReleaseHeld), lease).ExecuteNonQuery() == 1;

    public static bool StillHeld(SqliteWrite write, JobLease lease) => BindHeld(write.Command(IsHeld), lease).ExecuteScalar() is not null;

    /// <summary>Removes the execution's jobs that no live lease holds.</summary>
    public static int CancelUnleased(SqliteWrite write, string executionId, DateTimeOffset now) =>
        write.Command(DeleteUnleased).Bind("@execution_id", executionId).Bind("@now", SqliteDates.ToText(now)).ExecuteNonQuery();

    private static Microsoft.Data.Sqlite.SqliteCommand BindHeld(Microsoft.Data.Sqlite.SqliteCommand command, JobLease lease) =>
        command.Bind("@id", lease.JobId).Bind("@owner", lease.WorkerId).Bind("@epoch", lease.Epoch);
}
