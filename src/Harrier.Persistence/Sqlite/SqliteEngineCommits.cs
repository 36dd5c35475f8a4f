using Harrier.Core.Executions;
using Harrier.Core.Queue;
using Harrier.Core.Store;
using Harrier.Persistence.Logs;

namespace Harrier.Persistence.Sqlite;

/// <summary>
/// The engine's fenced writes as single SQLite transactions (contract: <see cref="IEngineCommits"/>): executions, task
/// runs, jobs and wake-ups live in the same file, so each commit is all or nothing.
/// </summary>
/// <remarks>
/// The lease is checked first inside the transaction: a writer whose lease is gone changes nothing, and the SQLite write
/// lock keeps anyone from taking the lease between that check and the commit.
/// </remarks>
public sealed class SqliteEngineCommits(SqliteDatabase database, TimeProvider time) : IEngineCommits
{
    private const string RequestKill =
        "UPDATE executions SET kill_requested_at = @now WHERE id = @id AND kill_requested_at IS NULL AND state NOT IN " + ExecutionRows.TerminalStates;

    private const string WakeupHeld = "SELECT 1 FROM execution_wakeups WHERE execution_id = @id AND lease_owner = @owner AND lease_epoch = @epoch";

    public Task CommitPlanAsync(PlanCommit commit, CancellationToken cancellationToken) =>
        database.WriteAsync(write =>
        {
            var lease = commit.Lease;
            if (write.Command(WakeupHeld).Bind("@id", lease.ExecutionId).Bind("@owner", lease.ExecutorId).Bind("@epoch", lease.Epoch)
                .ExecuteScalar() is null)
            {
                throw new LeaseLostException($"The planning lease of execution {lease.ExecutionId} was taken over; this pass is discarded.");
            }

            var now = time.GetUtcNow();
            if (commit.TaskRuns.Count > 0 || commit.Execution is not null)
            {
                var seq = ChangeSequence.Take(write, lease.ExecutionId);
                foreach (var taskRun in commit.TaskRuns)
                {
                    TaskRunRows.Save(write, taskRun, seq, withMetrics: false);
                }

                if (commit.Execution is { } execution)
                {
                    var ends = execution.State.IsTerminal() && !ExecutionEndRows.IsStoredTerminal(write, execution.Id);
                    ExecutionRows.UpdatePlannerFields(write, execution);
                    if (ends)
                    {
                        ExecutionEndRows.Record(write, execution, now);
                        if (execution.ConcurrencyLimit is { } limit)
                        {
                            ConcurrencyAdmission.PromoteQueued(write, execution.Namespace, execution.FlowId, limit, now);
                        }
                    }
                }
            }

            if (commit.CancelUnleasedJobs)
            {
                JobRows.CancelUnleased(write, lease.ExecutionId, now);
            }

            foreach (var child in commit.NewExecutions)
            {
                ExecutionRows.InsertNew(write, child, now);
                WakeupRows.Wake(write, child.Id, now);
            }

            foreach (var killed in commit.KillExecutions)
            {
                if (write.Command(RequestKill).Bind("@id", killed).Bind("@now", SqliteDates.ToText(now)).ExecuteNonQuery() == 1)
                {
                    WakeupRows.Wake(write, killed, now);
                }
            }

            // An execution that ends wakes the one that started it (a Subflow waiting for its child), in the same commit.
            if (commit.Execution is { ParentExecutionId: { } parent } ended && ended.State.IsTerminal())
            {
                WakeupRows.Wake(write, parent, now);
            }

            foreach (var job in commit.Jobs)
            {
                JobRows.Enqueue(write, job, now, now);
            }

            WakeupLeases.Complete(write, lease, now, commit.WakeAt);
            return 0;
        }, cancellationToken);

    public Task<ClaimedJob?> ClaimJobAsync(JobClaim claim, Func<ClaimedJob, TaskRun?>? start, CancellationToken cancellationToken) =>
        database.WriteAsync(write => Claim(write, claim, start), cancellationToken);

    private ClaimedJob? Claim(SqliteWrite write, JobClaim claim, Func<ClaimedJob, TaskRun?>? start)
    {
        if (SqliteJobQueue.ClaimIn(write, claim, time) is not { } lease)
        {
            return null;
        }

        Execution? execution;
        using (var reader = write.Command(ExecutionRows.SelectById).Bind("@id", lease.Job.ExecutionId).ExecuteReader())
        {
            execution = reader.Read() ? ExecutionRows.Read(reader) : null;
        }

        TaskRun? taskRun;
        using (var reader = write.Command(TaskRunRows.SelectById).Bind("@id", lease.Job.TaskRunId).ExecuteReader())
        {
            taskRun = reader.Read() ? TaskRunRows.Read(reader) : null;
        }

        var claimed = new ClaimedJob(lease, execution, taskRun);
        return start?.Invoke(claimed) is { } running
            ? claimed with { Started = TaskRunRows.Save(write, running, ChangeSequence.Take(write, running.ExecutionId)) }
            : claimed;
    }

    /// <summary>The next claim inside the commit's transaction, in a savepoint: a claim that fails leaves the commit whole.</summary>
    private ClaimedJob? ClaimNext(SqliteWrite write, NextClaim next)
    {
        write.Command("SAVEPOINT next_claim").ExecuteNonQuery();
        try
        {
            var claimed = Claim(write, next.Claim, next.Start);
            write.Command("RELEASE next_claim").ExecuteNonQuery();
            return claimed;
        }
        catch (Exception exception) when (exception is not Microsoft.Data.Sqlite.SqliteException sqlite || !StoreFailures.IsEnvironmental(sqlite))
        {
            if (!write.InTransaction)
            {
                throw;
            }

            write.Command("ROLLBACK TO next_claim").ExecuteNonQuery();
            write.Command("RELEASE next_claim").ExecuteNonQuery();
            return null;
        }
    }

    public Task<TaskRun> StartAttemptAsync(JobLease lease, TaskRun running, CancellationToken cancellationToken) =>
        SaveUnderLeaseAsync(lease, running, cancellationToken);

    public Task<TaskRun> SaveChildAsync(JobLease lease, TaskRun child, CancellationToken cancellationToken) =>
        SaveUnderLeaseAsync(lease, child, cancellationToken);

    public Task<AttemptCommitted> CommitAttemptAsync(AttemptCommit commit, CancellationToken cancellationToken) =>
        database.WriteAsync(write =>
        {
            var lease = commit.Completed;
            if (!JobRows.Complete(write, lease))
            {
                throw LeaseLost(lease);
            }

            var now = time.GetUtcNow();
            var stored = commit.TaskRun is { } taskRun ? TaskRunRows.Save(write, taskRun, ChangeSequence.Take(write, taskRun.ExecutionId)) : null;
            if (commit.Retry is { } retry)
            {
                JobRows.Enqueue(write, retry.Job, retry.NotBefore, now);
            }

            WakeupRows.Wake(write, lease.Job.ExecutionId, now);
            var planning = commit.HandOffTo is { } handOff ? WakeupLeases.TakeIfFree(write, lease.Job.ExecutionId, handOff.ExecutorId, handOff.LeaseDuration, now) : null;
            IReadOnlyList<LogEntry> logs = commit.Logs.Count == 0 ? [] : new SequencedLogEntries(commit.Logs, LogChunkInsert.Run(write.Connection, commit.Logs));
            return new AttemptCommitted(stored, planning) { Logs = logs, Next = commit.ClaimNext is { } next ? ClaimNext(write, next) : null };
        }, cancellationToken);

    private Task<TaskRun> SaveUnderLeaseAsync(JobLease lease, TaskRun taskRun, CancellationToken cancellationToken) =>
        database.WriteAsync(write => JobRows.StillHeld(write, lease)
            ? TaskRunRows.Save(write, taskRun, ChangeSequence.Take(write, taskRun.ExecutionId))
            : throw LeaseLost(lease), cancellationToken);

    private static LeaseLostException LeaseLost(JobLease lease) =>
        new($"The lease of {lease.WorkerId} on the job of task run {lease.Job.TaskRunId} (attempt {lease.Job.Attempt + 1}) was lost; " +
            "another worker took the job over, so this worker's result is not stored.");
}
