using Harrier.Core.Engine.Coordination;
using Harrier.Core.Engine.Workers;
using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Logs;
using Harrier.Core.Queue;
using Harrier.Core.Store;
using Microsoft.Extensions.Logging;

namespace Harrier.Core.Engine.Executors;

/// <summary>
/// Applies <c>workerGroup.fallback</c> (Kestra EE's semantics) to the queued jobs of groups that have no live worker
/// (one registered with that group and a heartbeat younger than the lease duration, or alive on this machine): FAIL fails
/// the task run, CANCEL cancels it, WAIT leaves the job queued. Each writes a line in the task run's logs saying why.
/// </summary>
/// <remarks>
/// Runs in executors of the server pool, every poll interval. A FAIL or CANCEL first claims that one job under a lease,
/// so a worker of the group that comes up meanwhile and takes the job wins, and the closing write is fenced like a
/// worker's: two executors never both close it. Which jobs were told to wait is a cache of each executor: another
/// executor, or this one after a restart, may write the line once more.
/// </remarks>
internal sealed partial class WorkerGroupFallbacks(EngineServices services, FlowCache flows, LogWriter logs, IEngineNudges nudges)
{
    /// <summary>Jobs looked at per pass (the longest waiting first).</summary>
    private const int Batch = 100;

    private readonly HashSet<long> _toldToWait = [];
    private int _offset;
    private readonly ILogger _logger = services.Loggers.CreateLogger<WorkerGroupFallbacks>();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(services.Options.PollInterval, services.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await PassAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
                {
                    LogPassFailed(_logger, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One look at the waiting group jobs; returns how many task runs it failed or cancelled.</summary>
    public async Task<int> PassAsync(CancellationToken cancellationToken)
    {
        // One page per pass, the next page at the next pass while pages are full: however many jobs wait, each is looked
        // at within (waiting jobs / Batch) passes, and a pass costs one page.
        var waiting = await services.Queue.ListWaitingGroupJobsAsync(services.Options.Owner, _offset, Batch, cancellationToken).ConfigureAwait(false);
        var firstPage = _offset == 0;
        _offset = waiting.Count == Batch ? _offset + Batch : 0;
        if (firstPage && _offset == 0)
        {
            // The whole list was read: forget the jobs that left it (run, ended, deleted).
            _toldToWait.IntersectWith(waiting.Select(w => w.JobId));
        }

        if (waiting.Count == 0)
        {
            return 0;
        }

        var live = LiveGroups(await services.Processes.ListAsync(cancellationToken).ConfigureAwait(false));
        var closed = 0;
        // A job told to wait keeps waiting: its run is not read again while its group stays without a worker.
        foreach (var waitingJob in waiting.Where(w => !live.Contains(w.Job.WorkerGroup!) && !_toldToWait.Contains(w.JobId)))
        {
            if (await ApplyAsync(waitingJob, cancellationToken).ConfigureAwait(false))
            {
                closed++;
            }
        }

        return closed;
    }

    /// <summary>The groups with at least one live worker process.</summary>
    private HashSet<string> LiveGroups(IReadOnlyList<ProcessRecord> processes)
    {
        var now = services.Time.GetUtcNow();
        return processes
            .Where(p => p.WorkerGroup is not null && p.IsAliveAt(now, services.Options.LeaseDuration))
            .Select(p => p.WorkerGroup!)
            .ToHashSet(StringComparer.Ordinal);
    }

    private async Task<bool> ApplyAsync(WaitingGroupJob waiting, CancellationToken cancellationToken)
    {
        var group = waiting.Job.WorkerGroup!;
        var execution = await services.Store.GetExecutionAsync(waiting.Job.ExecutionId, cancellationToken).ConfigureAwait(false);
        var taskRun = await services.Store.GetTaskRunAsync(waiting.Job.TaskRunId, cancellationToken).ConfigureAwait(false);
        if (execution is null || taskRun is null || taskRun.State.IsTerminal())
        {
            // Deleted or already ended: the next worker of the group (or the execution's end) removes the job.
            return false;
        }

        var flow = await flows.GetAsync(execution, cancellationToken).ConfigureAwait(false);
        var fallback = flow.FindTask(taskRun.TaskId)?.WorkerGroupFallback ?? WorkerGroupFallback.Wait;
        var attempt = Math.Max(0, taskRun.Attempts.Count - 1);
        if (fallback == WorkerGroupFallback.Wait)
        {
            _toldToWait.Add(waiting.JobId);
            Logger(taskRun, attempt).Log(TaskLogLevel.Info, $"No workers are available for worker group '{group}', waiting for one to be available.");
            await logs.FlushAsync(cancellationToken).ConfigureAwait(false);
            return false;
        }

        var claim = new JobClaim($"{services.Options.WorkerId}:fallback", group, services.Options.Owner, services.Options.LeaseDuration);
        if (await services.Queue.TryClaimJobAsync(waiting.JobId, claim, cancellationToken).ConfigureAwait(false) is not { } lease)
        {
            // A worker of the group took it meanwhile (or another executor did this).
            return false;
        }

        var (state, message) = fallback == WorkerGroupFallback.Fail
            ? (State.Failed, $"No workers are available for worker group '{group}', failing the task.")
            : (State.Cancelled, $"No workers are available for worker group '{group}', canceling the task.");
        Logger(taskRun, attempt).Log(fallback == WorkerGroupFallback.Fail ? TaskLogLevel.Error : TaskLogLevel.Info, message);
        try
        {
            var committed = await logs.StoreWithAsync(async lines =>
            {
                var done = await services.Commits.CommitAttemptAsync(new AttemptCommit(lease, Close(taskRun, state)) { Logs = lines }, cancellationToken)
                    .ConfigureAwait(false);
                return (done, (IReadOnlyList<LogEntry>?)done.Logs);
            }).ConfigureAwait(false);
            nudges.ExecutionsChanged();
            LogClosed(_logger, taskRun.Id, group, state);
            return committed.TaskRun is not null;
        }
        catch (Exception ex) when (ex is LeaseLostException or ConcurrencyConflictException)
        {
            // The run moved on meanwhile (a kill, a restart): leave it to whoever moved it; the lease expires.
            await services.Queue.ReleaseAsync(lease, CancellationToken.None).ConfigureAwait(false);
            return false;
        }
    }

    /// <summary>The run ends in <paramref name="state"/>; an attempt a dead worker left RUNNING ends with it.</summary>
    private TaskRun Close(TaskRun taskRun, State state)
    {
        var now = services.Time.GetUtcNow();
        var attempts = taskRun.Attempts.Select(a => a.State == State.Running ? a with { State = state, EndDate = now } : a).ToList();
        return taskRun with { State = state, EndDate = now, NextAttemptAt = null, Attempts = attempts };
    }

    private StoredTaskLogger Logger(TaskRun taskRun, int attempt) => new(logs, taskRun, attempt, null, services.Time);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task run {TaskRunId}: no live worker in group {Group}, its fallback ended it {State}")]
    private static partial void LogClosed(ILogger logger, string taskRunId, string group, State state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A worker group fallback pass failed, the next one tries again: {Reason}")]
    private static partial void LogPassFailed(ILogger logger, string reason);
}
