using Harrier.Core.Executions;
using Harrier.Core.Queue;
using Harrier.Core.Store;
using Harrier.Persistence.Logs;

namespace Harrier.Persistence.Postgres;

/// <summary>
/// The engine's fenced writes as single PostgreSQL transactions (contract: <see cref="IEngineCommits"/>).
/// </summary>
/// <remarks>
/// The lease is checked first, with a row lock (<c>FOR UPDATE</c>) held to the commit: nobody takes the lease over between
/// the check and the write. Lock order, to keep deadlocks rare (the few left are retried by <see cref="PostgresDatabase"/>):
/// a planning pass locks the wake-up, then the execution; a worker's commit its job, then the wake-up, then the execution.
/// </remarks>
public sealed class PostgresEngineCommits(PostgresDatabase database, TimeProvider time) : IEngineCommits
{
    private const string RequestKill =
        "UPDATE executions SET kill_requested_at = @now WHERE id = @id AND kill_requested_at IS NULL AND state NOT IN " + ExecutionRows.TerminalStates;

    public Task CommitPlanAsync(PlanCommit commit, CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
        {
            var lease = commit.Lease;
            if (!await WakeupLeases.IsHeldAsync(session, lease, cancellationToken).ConfigureAwait(false))
            {
                throw new LeaseLostException($"The planning lease of execution {lease.ExecutionId} was taken over; this pass is discarded.");
            }

            var now = time.GetUtcNow();
            if (commit.TaskRuns.Count > 0 || commit.Execution is not null)
            {
                var seq = await ChangeSequence.TakeAsync(session, lease.ExecutionId, cancellationToken).ConfigureAwait(false);
                foreach (var taskRun in commit.TaskRuns)
                {
                    await TaskRunRows.SaveAsync(session, taskRun, seq, cancellationToken, withMetrics: false).ConfigureAwait(false);
                }

                if (commit.Execution is { } execution)
                {
                    var ends = execution.State.IsTerminal() && !await ExecutionEndRows.IsStoredTerminalAsync(session, execution.Id, cancellationToken).ConfigureAwait(false);
                    await ExecutionRows.UpdatePlannerFieldsAsync(session, execution, cancellationToken).ConfigureAwait(false);
                    if (ends)
                    {
                        await ExecutionEndRows.RecordAsync(session, execution, now, cancellationToken).ConfigureAwait(false);
                        if (execution.ConcurrencyLimit is { } limit)
                        {
                            await ConcurrencyAdmission.PromoteQueuedAsync(session, execution.Namespace, execution.FlowId, limit, now, cancellationToken).ConfigureAwait(false);
                        }
                    }
                }
            }

            if (commit.CancelUnleasedJobs)
            {
                await JobRows.CancelUnleasedAsync(session, lease.ExecutionId, now, cancellationToken).ConfigureAwait(false);
            }

            foreach (var child in commit.NewExecutions)
            {
                await ExecutionRows.InsertNewAsync(session, child, now, cancellationToken).ConfigureAwait(false);
                await WakeupRows.WakeAsync(session, child.Id, now, cancellationToken).ConfigureAwait(false);
            }

            foreach (var killed in commit.KillExecutions)
            {
                if (await session.Sql(RequestKill).Bind("@id", killed).Bind("@now", now).ExecuteAsync(cancellationToken).ConfigureAwait(false) == 1)
                {
                    await WakeupRows.WakeAsync(session, killed, now, cancellationToken).ConfigureAwait(false);
                    session.Notify(Notifications.Kills, killed);
                }
            }

            if (commit.Execution is { ParentExecutionId: { } parent } ended && ended.State.IsTerminal())
            {
                await WakeupRows.WakeAsync(session, parent, now, cancellationToken).ConfigureAwait(false);
            }

            foreach (var job in commit.Jobs)
            {
                await JobRows.EnqueueAsync(session, job, now, now, cancellationToken).ConfigureAwait(false);
            }

            await WakeupLeases.CompleteAsync(session, lease, now, commit.WakeAt, cancellationToken).ConfigureAwait(false);
            return 0;
        }, cancellationToken);

    public Task<ClaimedJob?> ClaimJobAsync(JobClaim claim, Func<ClaimedJob, TaskRun?>? start, CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
        {
            if (await PostgresJobQueue.ClaimInAsync(session, claim, time, cancellationToken).ConfigureAwait(false) is not { } lease)
            {
                return null;
            }

            var execution = await ExecutionRows.ReadAsync(session, lease.Job.ExecutionId, cancellationToken).ConfigureAwait(false);
            var taskRun = await session.Sql(TaskRunRows.SelectById).Bind("@id", lease.Job.TaskRunId).ReadOneAsync(TaskRunRows.Read, cancellationToken).ConfigureAwait(false);
            var claimed = new ClaimedJob(lease, execution, taskRun);
            if (start?.Invoke(claimed) is not { } running)
            {
                return claimed;
            }

            var seq = await ChangeSequence.TakeAsync(session, running.ExecutionId, cancellationToken).ConfigureAwait(false);
            return claimed with { Started = await TaskRunRows.SaveAsync(session, running, seq, cancellationToken).ConfigureAwait(false) };
        }, cancellationToken);

    public Task<TaskRun> StartAttemptAsync(JobLease lease, TaskRun running, CancellationToken cancellationToken) =>
        SaveUnderLeaseAsync(lease, running, cancellationToken);

    public Task<TaskRun> SaveChildAsync(JobLease lease, TaskRun child, CancellationToken cancellationToken) =>
        SaveUnderLeaseAsync(lease, child, cancellationToken);

    /// <remarks>
    /// The next claim is a transaction of its own, after the commit: in one, the commit's row locks (this execution's)
    /// would be held while the claim locks another execution's, an order two slots could take in opposite ways.
    /// </remarks>
    public async Task<AttemptCommitted> CommitAttemptAsync(AttemptCommit commit, CancellationToken cancellationToken)
    {
        var committed = await CommitAttemptAloneAsync(commit, cancellationToken).ConfigureAwait(false);
        if (commit.ClaimNext is not { } next)
        {
            return committed;
        }

        try
        {
            return committed with { Next = await ClaimJobAsync(next.Claim, next.Start, cancellationToken).ConfigureAwait(false) };
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The commit stands; the slot claims again in its own loop (and meets the failure there, if it lasts).
            return committed;
        }
    }

    private Task<AttemptCommitted> CommitAttemptAloneAsync(AttemptCommit commit, CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
        {
            var lease = commit.Completed;
            if (!await JobRows.CompleteAsync(session, lease, cancellationToken).ConfigureAwait(false))
            {
                throw LeaseLost(lease);
            }

            var now = time.GetUtcNow();
            // The wake-up before the execution's row (see the lock order above); the same transaction either way.
            await WakeupRows.WakeAsync(session, lease.Job.ExecutionId, now, cancellationToken).ConfigureAwait(false);
            var planning = commit.HandOffTo is { } handOff
                ? await WakeupLeases.TakeIfFreeAsync(session, lease.Job.ExecutionId, handOff.ExecutorId, handOff.LeaseDuration, now, cancellationToken).ConfigureAwait(false)
                : null;
            TaskRun? stored = null;
            if (commit.TaskRun is { } taskRun)
            {
                var seq = await ChangeSequence.TakeAsync(session, taskRun.ExecutionId, cancellationToken).ConfigureAwait(false);
                stored = await TaskRunRows.SaveAsync(session, taskRun, seq, cancellationToken).ConfigureAwait(false);
            }

            if (commit.Retry is { } retry)
            {
                await JobRows.EnqueueAsync(session, retry.Job, retry.NotBefore, now, cancellationToken).ConfigureAwait(false);
            }

            IReadOnlyList<LogEntry> logs = commit.Logs.Count == 0
                ? []
                : new SequencedLogEntries(commit.Logs, await LogChunks.InsertAsync(session, commit.Logs, cancellationToken).ConfigureAwait(false));
            return new AttemptCommitted(stored, planning) { Logs = logs };
        }, cancellationToken);

    private Task<TaskRun> SaveUnderLeaseAsync(JobLease lease, TaskRun taskRun, CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
        {
            if (!await JobRows.StillHeldAsync(session, lease, cancellationToken).ConfigureAwait(false))
            {
                throw LeaseLost(lease);
            }

            var seq = await ChangeSequence.TakeAsync(session, taskRun.ExecutionId, cancellationToken).ConfigureAwait(false);
            return await TaskRunRows.SaveAsync(session, taskRun, seq, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    private static LeaseLostException LeaseLost(JobLease lease) =>
        new($"The lease of {lease.WorkerId} on the job of task run {lease.Job.TaskRunId} (attempt {lease.Job.Attempt + 1}) was lost; " +
            "another worker took the job over, so this worker's result is not stored.");
}
