using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Queue;
using Harrier.Core.Expressions;
using Harrier.Core.Rendering;
using Harrier.Core.Storage;
using Harrier.Core.Tasks.Running;

namespace Harrier.Core.Engine.Workers;

/// <summary>
/// Runs one claimed job: marks the attempt RUNNING, runs the task under its timeout and the kill signal,
/// stores logs, then the result (retry or final state), and only then acknowledges the job. A crash
/// before the acknowledgement lets the lease expire and the job run again (at-least-once).
/// </summary>
internal sealed class AttemptRunner(EngineServices services, EngineSignals signals, LogWriter logs, FlowCache flows)
{
    private readonly EngineVariables _variables = new(EngineVariables.EnvsFrom(Environment.GetEnvironmentVariables()), services.Globals);

    public async Task RunAsync(JobLease lease, CancellationToken cancellationToken)
    {
        var job = lease.Job;
        var store = services.Store;
        var execution = await store.GetExecutionAsync(job.ExecutionId, cancellationToken).ConfigureAwait(false);
        var taskRun = await store.GetTaskRunAsync(job.TaskRunId, cancellationToken).ConfigureAwait(false);
        if (execution is null || taskRun is null || taskRun.State.IsTerminal())
        {
            await services.Queue.CompleteAsync(lease, cancellationToken).ConfigureAwait(false);
            return;
        }

        var flow = flows.Get(execution);
        var task = flow.FindTask(taskRun.TaskId);
        var now = services.Time.GetUtcNow();
        if (task is null || execution.State is State.Killing or State.Killed)
        {
            await FinishAsync(lease, taskRun with { State = State.Killed, EndDate = now }, cancellationToken).ConfigureAwait(false);
            return;
        }

        taskRun = taskRun with
        {
            State = State.Running,
            NextAttemptAt = null,
            Attempts = [.. taskRun.Attempts, new TaskRunAttempt(State.Running, now, null)],
        };
        await store.SaveTaskRunAsync(taskRun, cancellationToken).ConfigureAwait(false);

        using var renewal = new LeaseRenewal(services, lease);
        var outcome = await RunTaskAsync(flow, execution, task, taskRun, job.Attempt, cancellationToken).ConfigureAwait(false);
        var resolved = AttemptResolver.Resolve(task, taskRun, outcome, services.Time.GetUtcNow(), Random.Shared);
        if (resolved.RetryAt is { } retryAt)
        {
            new StoredTaskLogger(logs, taskRun, job.Attempt, null, services.Time)
                .Log(Logs.TaskLogLevel.Warn, $"Attempt {job.Attempt + 1} failed; retrying at {retryAt:O}");
        }

        await logs.FlushAsync(cancellationToken).ConfigureAwait(false);
        await store.SaveTaskRunAsync(resolved.TaskRun, cancellationToken).ConfigureAwait(false);
        if (resolved.RetryAt is { } at)
        {
            await services.Queue.EnqueueAsync(job with { Attempt = job.Attempt + 1 }, at, cancellationToken).ConfigureAwait(false);
        }

        await FinishAsync(lease, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task FinishAsync(JobLease lease, TaskRun? toSave, CancellationToken cancellationToken)
    {
        if (toSave is not null)
        {
            await services.Store.SaveTaskRunAsync(toSave, cancellationToken).ConfigureAwait(false);
        }

        await services.Queue.CompleteAsync(lease, cancellationToken).ConfigureAwait(false);
        signals.ExecutionChanged(lease.Job.ExecutionId);
    }

    private async Task<TaskOutcome> RunTaskAsync(FlowDefinition flow, Execution execution, TaskDefinition task, TaskRun taskRun, int attempt, CancellationToken shutdown)
    {
        var logger = new StoredTaskLogger(logs, taskRun, attempt, task.LogLevel, services.Time);
        var runs = await services.Store.GetTaskRunsAsync(execution.Id, shutdown).ConfigureAwait(false);
        var files = services.Files is { } storage
            ? new ExecutionFiles(storage, new ExecutionFileScope(flow.Namespace, flow.Id, execution.Id, task.Id, taskRun.Id) { AllowedLocalPaths = services.Options.AllowedLocalPaths })
            : null;
        var scope = new RenderScope(_variables.ForTask(flow, execution, runs, task, taskRun))
        {
            Services = files is null ? null : new ExecutionExpressionServices(files, new EnvironmentExpressionServices(services.Time)),
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
        };
        return await new GuardedTaskExecution(services, signals.KillToken(execution.Id), shutdown).RunAsync(context).ConfigureAwait(false);
    }
}
