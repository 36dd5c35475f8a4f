using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Queue;
using Harrier.Core.Expressions;
using Harrier.Core.Rendering;
using Harrier.Core.Storage;
using Harrier.Core.Store;
using Harrier.Core.Tasks.Running;

namespace Harrier.Core.Engine.Workers;

/// <summary>
/// Runs one claimed job: marks the attempt RUNNING, runs the task under its timeout and the kill signal,
/// stores logs, then the result (retry or final state), and only then acknowledges the job. A crash
/// before the acknowledgement lets the lease expire and the job run again (at-least-once).
/// </summary>
internal sealed class AttemptRunner(EngineServices services, EngineSignals signals, LogWriter logs, FlowCache flows, LeaseKeeper leases)
{
    private readonly EngineVariables _variables = new(EngineVariables.EnvsFrom(Environment.GetEnvironmentVariables()), services.Globals, services.SecretCipher);

    public EngineServices Services => services;

    public EngineSignals Signals => signals;

    public LogWriter Logs => logs;

    public EngineVariables Variables => _variables;

    public async Task RunAsync(JobLease lease, CancellationToken cancellationToken)
    {
        var job = lease.Job;
        var store = services.Store;
        var execution = await store.GetExecutionAsync(job.ExecutionId, cancellationToken).ConfigureAwait(false);
        var taskRun = await store.GetTaskRunAsync(job.TaskRunId, cancellationToken).ConfigureAwait(false);
        if (execution is null || taskRun is null || taskRun.State.IsTerminal())
        {
            await FinishAsync(lease, null, cancellationToken).ConfigureAwait(false);
            return;
        }

        var flow = flows.Get(execution);
        var task = flow.FindTask(taskRun.TaskId);
        if (task is null || execution.State is State.Killing or State.Killed)
        {
            await FinishAsync(lease, taskRun with { State = State.Killed, EndDate = services.Time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
            return;
        }

        using var held = leases.Hold(lease);
        if (task.IsFlowable)
        {
            var decided = await RunFlowableAsync(flow, execution, task, taskRun, cancellationToken).ConfigureAwait(false);
            await FinishAsync(lease, decided, cancellationToken).ConfigureAwait(false);
            return;
        }

        await RunAttemptAsync(new AttemptRequest(flow, execution, task, taskRun, job.Attempt), lease, cancellationToken, cancellationToken).ConfigureAwait(false);
        signals.ExecutionChanged(job.ExecutionId);
    }

    /// <summary>
    /// Runs one attempt under <paramref name="stop"/> and stores its result under <paramref name="cancellationToken"/>.
    /// A WorkingDirectory child is stopped by its group's kill or timeout, yet its KILLED/FAILED state must still
    /// be stored: only the worker's shutdown may leave it unsaved (the lease then expires and the job runs again).
    /// Returns the stored task run and the retry date, if any.
    /// </summary>
    public Task<(TaskRun TaskRun, DateTimeOffset? RetryAt)> RunAttemptAsync(AttemptRequest request, CancellationToken stop, CancellationToken cancellationToken) =>
        RunAttemptAsync(request, null, stop, cancellationToken);

    /// <remarks>
    /// With a <paramref name="lease"/>, the result, the retry's job and the acknowledgement are one commit: a crash
    /// before it re-runs the attempt (at-least-once); after it, nothing is left to do.
    /// </remarks>
    private async Task<(TaskRun TaskRun, DateTimeOffset? RetryAt)> RunAttemptAsync(AttemptRequest request, JobLease? lease, CancellationToken stop, CancellationToken cancellationToken)
    {
        var now = services.Time.GetUtcNow();
        // A job claimed again after its worker died (its lease expired) finds its attempt still RUNNING: it is the
        // same attempt, resumed, so a container left running by the dead worker can be reattached (Docker resume).
        var resuming = request.TaskRun.State == State.Running && request.TaskRun.Attempts is [.., { State: State.Running }];
        var taskRun = resuming
            ? request.TaskRun
            : request.TaskRun with
            {
                State = State.Running,
                NextAttemptAt = null,
                Attempts = [.. request.TaskRun.Attempts, new TaskRunAttempt(State.Running, now, null)],
            };
        if (!resuming)
        {
            await services.Store.SaveTaskRunAsync(taskRun, cancellationToken).ConfigureAwait(false);
        }

        var outcome = await RunTaskAsync(request with { TaskRun = taskRun, Resuming = resuming }, stop).ConfigureAwait(false);
        var (resolved, retryAt) = AttemptResolver.Resolve(request.Task, taskRun, outcome, services.Time.GetUtcNow(), Random.Shared);
        if (retryAt is { } at)
        {
            new StoredTaskLogger(logs, taskRun, request.Attempt, null, services.Time)
                .Log(Harrier.Core.Logs.TaskLogLevel.Warn, $"Attempt {request.Attempt + 1} failed; retrying at {at:O}");
        }

        // Logs first, state second: whoever sees the final state finds every line already stored.
        await logs.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            await services.Store.SaveTaskRunAsync(resolved, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var retry = retryAt is { } due ? (lease.Job with { Attempt = lease.Job.Attempt + 1 }, due) : ((WorkerJob, DateTimeOffset)?)null;
            await services.Commits.CommitAttemptAsync(new AttemptCommit(lease, resolved) { Retry = retry }, cancellationToken).ConfigureAwait(false);
        }

        return (resolved, retryAt);
    }

    /// <summary>
    /// A flowable executed on this worker (WorkingDirectory): runs its children here and records the outcome
    /// of its main list as a decision (returned, to be saved with the job's acknowledgement); the executor then runs
    /// its errors/finally and finalizes its state.
    /// </summary>
    private async Task<TaskRun> RunFlowableAsync(FlowDefinition flow, Execution execution, TaskDefinition task, TaskRun taskRun, CancellationToken cancellationToken)
    {
        await CloseAbandonedChildrenAsync(taskRun, cancellationToken).ConfigureAwait(false);
        var children = new ChildTaskRunner(this, flow, execution, taskRun, cancellationToken);
        var outcome = await RunTaskAsync(new AttemptRequest(flow, execution, task, taskRun, 0) { Children = children }, cancellationToken).ConfigureAwait(false);
        await logs.FlushAsync(cancellationToken).ConfigureAwait(false);
        var state = outcome.State;
        var stored = await services.Store.GetTaskRunAsync(taskRun.Id, cancellationToken).ConfigureAwait(false) ?? taskRun;
        return stored with
        {
            Outputs = outcome.Outputs,
            Metrics = outcome.Metrics,
            Decision = (stored.Decision ?? new FlowableDecision()) with { Branch = FlowableDecision.WorkerDone + state.ToName() },
        };
    }

    /// <summary>
    /// A group job claimed again (its worker stopped mid-way) runs every child anew in a fresh directory: children the
    /// stopped worker left unfinished would otherwise stay RUNNING forever beside their re-runs.
    /// </summary>
    private async Task CloseAbandonedChildrenAsync(TaskRun parent, CancellationToken cancellationToken)
    {
        var runs = await services.Store.GetTaskRunsAsync(parent.ExecutionId, cancellationToken).ConfigureAwait(false);
        var now = services.Time.GetUtcNow();
        foreach (var child in runs.Where(run => run.ParentTaskRunId == parent.Id && !run.State.IsTerminal()))
        {
            new StoredTaskLogger(logs, child, Math.Max(0, child.Attempts.Count - 1), null, services.Time)
                .Log(Harrier.Core.Logs.TaskLogLevel.Warn, "The worker running this task stopped before it finished; its group runs again from the start");
            var attempts = child.Attempts.Select((attempt, i) =>
                i == child.Attempts.Count - 1 && attempt.State == State.Running ? attempt with { State = State.Killed, EndDate = now } : attempt).ToList();
            await services.Store.SaveTaskRunAsync(child with { State = State.Killed, Attempts = attempts, EndDate = now, NextAttemptAt = null }, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task FinishAsync(JobLease lease, TaskRun? toSave, CancellationToken cancellationToken)
    {
        await services.Commits.CommitAttemptAsync(new AttemptCommit(lease, toSave), cancellationToken).ConfigureAwait(false);
        signals.ExecutionChanged(lease.Job.ExecutionId);
    }

    private async Task<TaskOutcome> RunTaskAsync(AttemptRequest request, CancellationToken shutdown)
    {
        var (flow, execution, task, taskRun, attempt) = (request.Flow, request.Execution, request.Task, request.TaskRun, request.Attempt);
        var secrets = SecretInputs.Masker(flow, execution.Inputs, services.SecretCipher);
        var logger = new StoredTaskLogger(logs, taskRun, attempt, task.LogLevel, services.Time, secrets);
        var runs = await services.Store.GetTaskRunsAsync(execution.Id, shutdown).ConfigureAwait(false);
        var files = services.Files is { } storage
            ? new ExecutionFiles(storage, new ExecutionFileScope(flow.Namespace, flow.Id, execution.Id, task.Id, taskRun.Id) { AllowedLocalPaths = services.Options.AllowedLocalPaths })
            : null;
        var scope = new RenderScope(_variables.ForTask(flow, execution, runs, task, taskRun))
        {
            Services = new SecretRecordingServices(
                files is null ? new EnvironmentExpressionServices(services.Time) : new ExecutionExpressionServices(files, new EnvironmentExpressionServices(services.Time)),
                secrets),
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
            TempDirectory = services.Options.TempDirectory,
            Files = files,
            Services = services.TaskServices,
            SharedWorkingDirectory = request.SharedWorkingDirectory,
            Children = request.Children,
            Resuming = request.Resuming,
            Secrets = secrets,
        };
        return await new GuardedTaskExecution(services, signals.KillToken(execution.Id), shutdown).RunAsync(context).ConfigureAwait(false);
    }
}
