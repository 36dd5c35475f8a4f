using Harrier.Core.Engine.Planning;
using Harrier.Core.Executions;
using Harrier.Core.Logs;
using Harrier.Core.Store;

namespace Harrier.Core.Engine.Executors;

/// <summary>
/// The executor loop: whenever an execution changes (created, a task run finished, a kill), it plans the
/// execution again with the pure planner and applies the plan — task runs saved in one transaction, then
/// jobs enqueued, then the execution's state. It is the only writer of flowable and execution states.
/// </summary>
public sealed class Executor
{
    private readonly EngineServices _services;
    private readonly EngineSignals _signals;
    private readonly LogWriter _logs;
    private readonly FlowCache _flows;
    private readonly ExecutionPlanner _planner;
    private readonly FlowOutputsRenderer _outputs;

    public Executor(EngineServices services, EngineSignals signals, LogWriter logs, FlowCache flows)
    {
        _services = services;
        _signals = signals;
        _logs = logs;
        _flows = flows;
        var variables = new EngineVariables(EngineVariables.EnvsFrom(Environment.GetEnvironmentVariables()), services.Globals, services.SecretCipher);
        _planner = new ExecutionPlanner(new RendererPlanEvaluator(services.Renderer, variables), services.Time, () => Ids.New());
        _outputs = new FlowOutputsRenderer(services.Renderer, variables, services.SecretCipher);
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var pending = new HashSet<string>(StringComparer.Ordinal);
        var reader = _signals.ExecutionsChanged;
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                // Coalesce bursts: ten task runs finishing together cost one planning pass.
                while (reader.TryRead(out var id))
                {
                    pending.Add(id);
                }

                foreach (var id in pending)
                {
                    await ProcessSafelyAsync(id, cancellationToken).ConfigureAwait(false);
                }

                pending.Clear();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task ProcessSafelyAsync(string executionId, CancellationToken cancellationToken)
    {
        try
        {
            await ProcessAsync(executionId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            await FailAsync(executionId, $"the executor could not plan this execution: {ex.Message}", cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task ProcessAsync(string executionId, CancellationToken cancellationToken)
    {
        var store = _services.Store;
        var execution = await store.GetExecutionAsync(executionId, cancellationToken).ConfigureAwait(false);
        if (execution is null || execution.State.IsTerminal())
        {
            return;
        }

        var stored = execution;
        var now = _services.Time.GetUtcNow();
        if (execution.State != State.Killing && _signals.IsKilled(executionId))
        {
            execution = execution with { State = State.Killing, StartDate = execution.StartDate ?? now };
        }

        if (execution.State == State.Created)
        {
            execution = execution with { State = State.Running, StartDate = now };
        }
        else if (execution.State == State.Killing)
        {
            await _services.Queue.CancelExecutionAsync(executionId, cancellationToken).ConfigureAwait(false);
        }

        var flow = _flows.Get(execution);
        var taskRuns = await store.GetTaskRunsAsync(executionId, cancellationToken).ConfigureAwait(false);
        var plan = _planner.Plan(new PlanningSnapshot(flow, execution, taskRuns));
        foreach (var log in plan.Logs)
        {
            _logs.Write(log);
        }

        var updated = Conclude(flow, execution with { State = plan.ExecutionState }, plan, taskRuns);
        // One commit: the new task runs never exist without their jobs, and the execution's state moves with them.
        var changed = updated != stored || plan.IsFinished ? updated : null;
        await _services.Commits.CommitPlanAsync(new PlanCommit(plan.SavedTaskRuns, plan.Jobs, changed), cancellationToken).ConfigureAwait(false);
        if (plan.Jobs.Count > 0)
        {
            _signals.JobsAvailable(plan.Jobs.Count);
        }

        if (plan.IsFinished)
        {
            await _logs.FlushAsync(cancellationToken).ConfigureAwait(false);
            _flows.Remove(execution.Id);
            _signals.ExecutionFinished(execution.Id);
        }
    }

    /// <summary>A finishing execution gets its end date and flow outputs (rendered over the task runs this pass leaves).</summary>
    private Execution Conclude(Flows.FlowDefinition flow, Execution updated, ExecutionPlan plan, IReadOnlyList<TaskRun> taskRuns)
    {
        if (!plan.IsFinished)
        {
            return updated;
        }

        var (outputs, error) = _outputs.Render(flow, updated, WithSaved(taskRuns, plan.SavedTaskRuns));
        updated = updated with { Outputs = outputs, EndDate = _services.Time.GetUtcNow() };
        if (error is not null)
        {
            _logs.Write(new LogEntry { ExecutionId = updated.Id, Level = TaskLogLevel.Error, Message = error, Timestamp = _services.Time.GetUtcNow() });

            // Outputs usually read tasks that a failure or a kill kept from running: the execution keeps the
            // state and error that say why it ended, and only a successful one fails on its outputs.
            if (!updated.State.IsFailure())
            {
                updated = updated with { State = State.Failed, Error = error };
            }
        }

        return updated;
    }

    /// <summary>The task runs as they will be stored: saved ones replace their old version or join at the end.</summary>
    private static List<TaskRun> WithSaved(IReadOnlyList<TaskRun> taskRuns, IReadOnlyList<TaskRun> saved)
    {
        var merged = taskRuns.ToList();
        foreach (var taskRun in saved)
        {
            var index = merged.FindIndex(run => run.Id == taskRun.Id);
            if (index >= 0)
            {
                merged[index] = taskRun;
            }
            else
            {
                merged.Add(taskRun);
            }
        }

        return merged;
    }

    private async Task FailAsync(string executionId, string error, CancellationToken cancellationToken)
    {
        var execution = await _services.Store.GetExecutionAsync(executionId, cancellationToken).ConfigureAwait(false);
        if (execution is null || execution.State.IsTerminal())
        {
            return;
        }

        _logs.Write(new LogEntry { ExecutionId = executionId, Level = TaskLogLevel.Error, Message = error, Timestamp = _services.Time.GetUtcNow() });
        await _services.Store.UpdateExecutionAsync(execution with { State = State.Failed, Error = error, EndDate = _services.Time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
        await _logs.FlushAsync(cancellationToken).ConfigureAwait(false);
        _signals.ExecutionFinished(executionId);
    }
}
