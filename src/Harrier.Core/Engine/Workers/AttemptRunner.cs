using Harrier.Core.Engine.Coordination;
using Harrier.Core.Executions;
using Harrier.Core.Expressions;
using Harrier.Core.Flows;
using Harrier.Core.Logs;
using Harrier.Core.Queue;
using Harrier.Core.Rendering;
using Harrier.Core.Storage;
using Harrier.Core.Store;
using Harrier.Core.Tasks.Running;
using Microsoft.Extensions.Logging;

namespace Harrier.Core.Engine.Workers;

/// <summary>
/// Runs one claimed job: stores the attempt as RUNNING, runs the task under its timeout, the kill signal and the lease,
/// stores logs, then the result (retry or final state) together with the job's acknowledgement. Every write is fenced
/// by the lease: a worker that lost it stops the task and stores nothing. A crash before the acknowledgement lets the
/// lease expire (or recovery adopt the execution) and the job run again as a new attempt (at-least-once).
/// </summary>
internal sealed partial class AttemptRunner(EngineServices services, IEngineNudges nudges, LogWriter logs, FlowCache flows, LeaseKeeper leases, RunningAttempts running)
{
    private readonly EngineVariables _variables = new(EngineVariables.EnvsFrom(Environment.GetEnvironmentVariables()), services.Globals, services.SecretCipher);
    private readonly ILogger _logger = services.Loggers.CreateLogger<AttemptRunner>();

    public EngineServices Services => services;

    public LogWriter Logs => logs;

    public EngineVariables Variables => _variables;

    /// <summary>
    /// The attempt start to store with the claim, in the same transaction, when all it needs is at hand: the run waits
    /// to start, the execution is not being killed, and its flow is parsed already (the first attempt of an execution in
    /// this process starts in a write of its own). Runs inside the store's transaction: no I/O.
    /// </summary>
    public TaskRun? StartIfReady(ClaimedJob claimed)
    {
        if (claimed is not { Execution: { } execution, TaskRun: { } taskRun } || taskRun.State.IsTerminal()
            || execution.State is State.Killing or State.Killed || execution.KillRequestedAt is not null
            || !flows.TryGet(execution, out var flow) || flow.FindTask(taskRun.TaskId) is not { IsFlowable: false })
        {
            return null;
        }

        return Begin(taskRun);
    }

    /// <summary>
    /// Runs the claimed job; with <paramref name="next"/>, the attempt's commit also claims the slot's next job (one write
    /// for the end of one job and the start of the next), returned to be run next. Null: claim in the slot's loop.
    /// </summary>
    public async Task<ClaimedJob?> RunAsync(ClaimedJob claimed, JobClaim? next, CancellationToken shutdown)
    {
        var (lease, execution, taskRun) = (claimed.Lease, claimed.Execution, claimed.TaskRun);
        if (execution is null || taskRun is null || taskRun.State.IsTerminal())
        {
            await FinishAsync(lease, null).ConfigureAwait(false);
            return null;
        }

        var flow = await flows.GetAsync(execution, shutdown).ConfigureAwait(false);
        var task = flow.FindTask(taskRun.TaskId);
        if (task is null || execution.State is State.Killing or State.Killed || execution.KillRequestedAt is not null)
        {
            await FinishAsync(lease, Closed(taskRun, State.Killed)).ConfigureAwait(false);
            return null;
        }

        using var registration = running.Register(lease.JobId, execution.Id);
        using var held = leases.Hold(lease);
        if (task.IsFlowable)
        {
            await RunGroupAsync(new AttemptRequest(flow, execution, task, taskRun), lease, registration, shutdown).ConfigureAwait(false);
            return null;
        }

        var writes = new JobAttemptWrites(services.Commits, lease, HandOff, Woken, logs)
        {
            ClaimNext = next is null ? null : new NextClaim(next, StartIfReady),
        };
        var request = new AttemptRequest(flow, execution, task, claimed.Started ?? taskRun) { Started = claimed.Started is not null };
        await RunAttemptAsync(request, writes, lease, registration, registration.Token, shutdown).ConfigureAwait(false);
        return writes.Next;
    }

    /// <summary>
    /// Runs one attempt, stopped by <paramref name="stop"/> (the registration's kill or lost lease; for a WorkingDirectory's
    /// child, the group's token, which adds the group's timeout) or <paramref name="shutdown"/>, and
    /// stores its start and result through <paramref name="writes"/>. Results are stored even when the attempt was
    /// stopped by a kill or a timeout; after a lost lease nothing is stored, and at shutdown the job is handed back.
    /// Returns the stored run and its retry date, or null when nothing was stored.
    /// </summary>
    public async Task<(TaskRun TaskRun, DateTimeOffset? RetryAt)?> RunAttemptAsync(
        AttemptRequest request, IAttemptWrites writes, JobLease lease, RunningAttempts.Registration registration, CancellationToken stop, CancellationToken shutdown)
    {
        TaskRun started;
        try
        {
            started = request.Started ? request.TaskRun : await writes.StartAsync(Begin(request.TaskRun), CancellationToken.None).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            // The executor closed this run meanwhile (a kill reached it before the worker did): nothing to run.
            if (await services.Store.GetTaskRunAsync(request.TaskRun.Id, CancellationToken.None).ConfigureAwait(false) is { } current && current.State.IsTerminal())
            {
                await writes.SkipAsync(CancellationToken.None).ConfigureAwait(false);
                return null;
            }

            throw;
        }
        catch (LeaseLostException ex)
        {
            LogLeaseLost(_logger, request.TaskRun.Id, ex.Message);
            return null;
        }

        var attempt = started.Attempts.Count - 1;
        var outcome = await RunTaskAsync(request with { TaskRun = started }, attempt, stop, shutdown).ConfigureAwait(false);
        if (registration.Reason == RunningAttempts.StopReason.LeaseLost)
        {
            Logger(started, attempt).Log(TaskLogLevel.Warn, "This worker lost its lease on the task (another worker took it over); its result is not stored");
            await logs.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            return null;
        }

        if (shutdown.IsCancellationRequested && registration.Reason == RunningAttempts.StopReason.None)
        {
            await HandBackAsync(lease, started, attempt).ConfigureAwait(false);
            return null;
        }

        var (resolved, retryAt) = AttemptResolver.Resolve(request.Task, started, outcome, services.Time.GetUtcNow(), Random.Shared);
        if (retryAt is { } at)
        {
            Logger(started, attempt).Log(TaskLogLevel.Warn, $"Attempt {attempt + 1} failed; retrying at {at:O}");
        }

        // Logs with (or before) the state: whoever sees the final state finds every line already stored (see IAttemptWrites).
        var retry = retryAt is { } due ? (lease.Job with { Attempt = attempt + 1 }, due) : ((WorkerJob, DateTimeOffset)?)null;
        TaskRun stored;
        try
        {
            stored = await writes.CommitAsync(resolved, retry, CancellationToken.None).ConfigureAwait(false);
        }
        catch (LeaseLostException ex)
        {
            LogLeaseLost(_logger, started.Id, ex.Message);
            return null;
        }

        return (stored, retryAt);
    }

    /// <summary>
    /// The run with a new RUNNING attempt by this worker. A run still RUNNING was interrupted (its worker died, stopped
    /// or lost its lease; recovery first made sure nothing of it still runs): that attempt is closed as KILLED, with a
    /// line saying so, and this one follows it.
    /// </summary>
    private TaskRun Begin(TaskRun taskRun)
    {
        var now = services.Time.GetUtcNow();
        var attempts = taskRun.Attempts.ToList();
        if (taskRun.State == State.Running && attempts is [.., { State: State.Running } last])
        {
            attempts[^1] = last with { State = State.Killed, EndDate = now };
            var who = last.Worker is { } worker ? $" ({worker})" : "";
            Logger(taskRun, attempts.Count - 1).Log(TaskLogLevel.Warn,
                $"Attempt {attempts.Count} was interrupted: the Harrier process running it{who} stopped or died; running it again as attempt {attempts.Count + 1}");
        }

        attempts.Add(new TaskRunAttempt(State.Running, now, null) { Worker = services.Options.ProcessId });
        return taskRun with { State = State.Running, NextAttemptAt = null, EndDate = null, Attempts = attempts };
    }

    /// <summary>
    /// A worker-side flowable (WorkingDirectory): runs its children here in one directory, then records the state its main
    /// list ended in as the run's decision, stored with the job's acknowledgement; the executor runs errors/finally.
    /// </summary>
    private async Task RunGroupAsync(AttemptRequest request, JobLease lease, RunningAttempts.Registration registration, CancellationToken shutdown)
    {
        var children = new ChildTaskRunner(this, request, lease, registration, shutdown);
        var outcome = await RunTaskAsync(request with { Children = children }, 0, registration.Token, shutdown).ConfigureAwait(false);
        await logs.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        if (registration.Reason == RunningAttempts.StopReason.LeaseLost)
        {
            return;
        }

        if (shutdown.IsCancellationRequested && registration.Reason == RunningAttempts.StopReason.None)
        {
            await HandBackAsync(lease, request.TaskRun, 0).ConfigureAwait(false);
            return;
        }

        var stored = await services.Store.GetTaskRunAsync(request.TaskRun.Id, CancellationToken.None).ConfigureAwait(false) ?? request.TaskRun;
        await FinishAsync(lease, stored with
        {
            Outputs = outcome.Outputs,
            Metrics = outcome.Metrics,
            Decision = outcome.Values is { } values
                ? (stored.Decision ?? new FlowableDecision()) with { WorkerState = outcome.State, Values = values, ValueCount = values.Count }
                : (stored.Decision ?? new FlowableDecision()) with { WorkerState = outcome.State },
        }).ConfigureAwait(false);
    }

    /// <summary>Acknowledges the job, storing <paramref name="toSave"/> with it when given, and wakes the executor.</summary>
    private async Task FinishAsync(JobLease lease, TaskRun? toSave)
    {
        try
        {
            Woken(await services.Commits.CommitAttemptAsync(new AttemptCommit(lease, toSave) { HandOffTo = HandOff }, CancellationToken.None).ConfigureAwait(false));
        }
        catch (LeaseLostException ex)
        {
            LogLeaseLost(_logger, lease.Job.TaskRunId, ex.Message);
        }
    }

    /// <summary>
    /// Where an attempt's commit hands the execution's wake-up: this engine's executor; nobody when this process runs no
    /// executor (<c>server worker</c>), so the wake-up stays free for the executors that poll or are notified.
    /// </summary>
    internal (string, TimeSpan)? HandOff =>
        services.Options.RunsExecutor ? (services.Options.HandOffExecutorId, services.Options.PlanningLeaseDuration) : null;

    /// <summary>After a commit that woke the execution: the local executor plans it with the handed lease, or finds it.</summary>
    internal void Woken(AttemptCommitted committed)
    {
        if (committed.Planning is { } planning)
        {
            // The slot's next job is of the same execution: its completions can gather before the execution is planned
            // again (a sequential step never waits: its next task is not queued until that pass).
            var moreQueued = committed.Next?.Lease.Job.ExecutionId == planning.ExecutionId;
            nudges.HandOff(planning, moreQueued ? services.Options.PlanningBatchWindow : TimeSpan.Zero);
        }
        else
        {
            nudges.ExecutionsChanged();
        }
    }

    /// <summary>This process is stopping: the job goes back to the queue at once and runs again as a new attempt.</summary>
    private async Task HandBackAsync(JobLease lease, TaskRun taskRun, int attempt)
    {
        Logger(taskRun, attempt).Log(TaskLogLevel.Warn, "Harrier stopped while this task ran; it runs again when this execution is next run");
        await logs.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            await services.Queue.ReleaseAsync(lease, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The store is gone too: the lease expires instead, and the job runs again then.
            LogLeaseLost(_logger, taskRun.Id, ex.Message);
        }
    }

    private TaskRun Closed(TaskRun taskRun, State state)
    {
        var now = services.Time.GetUtcNow();
        var attempts = taskRun.Attempts.Select(a => a.State == State.Running ? a with { State = state, EndDate = now } : a).ToList();
        return taskRun with { State = state, EndDate = now, NextAttemptAt = null, Attempts = attempts };
    }

    internal StoredTaskLogger Logger(TaskRun taskRun, int attempt) => new(logs, taskRun, attempt, null, services.Time);

    private async Task<TaskOutcome> RunTaskAsync(AttemptRequest request, int attempt, CancellationToken stop, CancellationToken shutdown)
    {
        var (flow, execution, task, taskRun) = (request.Flow, request.Execution, request.Task, request.TaskRun);
        var secrets = SecretInputs.Masker(flow, execution.Inputs, services.SecretCipher);
        var logger = new StoredTaskLogger(logs, taskRun, attempt, task.LogLevel, services.Time, secrets);
        var runs = await WorkerView.LoadAsync(services.Store, task, taskRun, shutdown).ConfigureAwait(false);
        var files = services.Files is { } storage
            ? new ExecutionFiles(storage, new ExecutionFileScope(flow.Namespace, flow.Id, execution.Id, task.Id, taskRun.Id)
            {
                AllowedLocalPaths = services.Options.AllowedLocalPaths,
                ParentExecutionPrefix = ParentFiles(execution),
            })
            : null;
        var errorLogs = new Lazy<IReadOnlyList<object?>>(() => ErrorLogs.Read(services.Logs, flow, execution.Id));
        var environment = new EnvironmentExpressionServices(services.Time) { KeyValues = services.KeyValues, ErrorLogSource = () => errorLogs.Value };
        using var stopRendering = CancellationTokenSource.CreateLinkedTokenSource(stop, shutdown);
        var scope = new RenderScope(_variables.ForTask(flow, execution, runs, task, taskRun))
        {
            Services = new SecretRecordingServices(files is null ? environment : new ExecutionExpressionServices(files, environment), secrets),
            Cancellation = stopRendering.Token,
        };
        var context = new TaskRunContext
        {
            Flow = flow,
            Execution = execution,
            Task = task,
            TaskRun = taskRun,
            Attempt = attempt,
            Scope = scope,
            Renderer = services.Renderer,
            Logger = logger,
            Time = services.Time,
            TempDirectory = services.Options.ScratchDirectory,
            Files = files,
            Services = services.TaskServices,
            SharedWorkingDirectory = request.SharedWorkingDirectory,
            Children = request.Children,
            Secrets = secrets,
        };
        return await new GuardedTaskExecution(services, stop, shutdown).RunAsync(context).ConfigureAwait(false);
    }

    /// <summary>Where the files of the execution that started this one live (its trigger names it, as a Subflow set it); null for a top-level execution.</summary>
    private static StorageUri? ParentFiles(Execution execution) =>
        execution is { ParentExecutionId: { } parentId, Trigger.Variables: var variables }
        && variables.GetValueOrDefault("namespace") is string ns && variables.GetValueOrDefault("flowId") is string flowId
            ? StoragePaths.Execution(ns, flowId, parentId)
            : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task run {TaskRunId}: {Reason}")]
    private static partial void LogLeaseLost(ILogger logger, string taskRunId, string reason);
}
