using Harrier.Core.Store;

namespace Harrier.Persistence.Sqlite;

/// <summary>Engine commits as single SQLite transactions: executions, task runs and jobs live in the same file.</summary>
public sealed class SqliteEngineCommits(SqliteDatabase database, TimeProvider time) : IEngineCommits
{
    public Task CommitPlanAsync(PlanCommit commit, CancellationToken cancellationToken)
    {
        if (commit.TaskRuns.Count == 0 && commit.Jobs.Count == 0 && commit.Execution is null)
        {
            return Task.CompletedTask;
        }

        return database.WriteAsync(write =>
        {
            foreach (var taskRun in commit.TaskRuns)
            {
                TaskRunRows.Save(write, taskRun);
            }

            var now = time.GetUtcNow();
            foreach (var job in commit.Jobs)
            {
                JobRows.Enqueue(write, job, now, now);
            }

            return commit.Execution is { } execution ? ExecutionRows.UpdateExisting(write, execution) : 0;
        }, cancellationToken);
    }

    public Task CommitAttemptAsync(AttemptCommit commit, CancellationToken cancellationToken) =>
        database.WriteAsync(write =>
        {
            if (commit.TaskRun is { } taskRun)
            {
                TaskRunRows.Save(write, taskRun);
            }

            if (commit.Retry is { } retry)
            {
                JobRows.Enqueue(write, retry.Job, retry.NotBefore, time.GetUtcNow());
            }

            return JobRows.Complete(write, commit.Completed);
        }, cancellationToken);
}
