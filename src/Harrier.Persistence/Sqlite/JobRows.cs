using Harrier.Core.Queue;

namespace Harrier.Persistence.Sqlite;

/// <summary>The job queue's writes, inside the caller's transaction (the queue's own and the engine's commits share them).</summary>
internal static class JobRows
{
    private const string Insert =
        "INSERT INTO jobs (execution_id, task_run_id, attempt, worker_group, not_before, enqueued_at) " +
        "VALUES (@execution_id, @task_run_id, @attempt, @group, @not_before, @enqueued_at)";

    // Only the current owner removes the job: a worker that lost its lease must not delete the job from under the
    // worker that took it over.
    private const string DeleteOwned = "DELETE FROM jobs WHERE id = @id AND lease_owner = @owner";

    public static int Enqueue(SqliteWrite write, WorkerJob job, DateTimeOffset notBefore, DateTimeOffset now) =>
        write.Command(Insert)
            .Bind("@execution_id", job.ExecutionId).Bind("@task_run_id", job.TaskRunId).Bind("@attempt", job.Attempt)
            .Bind("@group", job.WorkerGroup).Bind("@not_before", SqliteDates.ToText(notBefore))
            .Bind("@enqueued_at", SqliteDates.ToText(now)).ExecuteNonQuery();

    public static int Complete(SqliteWrite write, JobLease lease) =>
        write.Command(DeleteOwned).Bind("@id", lease.JobId).Bind("@owner", lease.WorkerId).ExecuteNonQuery();
}
