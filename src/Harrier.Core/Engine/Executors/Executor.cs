using Harrier.Core.Engine.Planning;
using Harrier.Core.Executions;
using Harrier.Core.Logs;

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
        var variables = new EngineVariables(EngineVariables.EnvsFrom(Environment.GetEnvironmentVariables()), services.Globals);
        _planner = new ExecutionPlanner(new RendererPlanEvaluator(services.Renderer, variables), services.Time, () => Ids.New());
        _outputs = new FlowOutputsRenderer(services.Renderer, variables);
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
        if (plan.SavedTaskRuns.Count > 0)
        {
            await store.SaveTaskRunsAsync(plan.SavedTaskRuns, cancellationToken).ConfigureAwait(false);
        }

        foreach (var log in plan.Logs)
        {
            _logs.Write(log);
        }

        foreach (var job in plan.Jobs)
        {
            await _services.Queue.EnqueueAsync(job, null, cancellationToken).ConfigureAwait(false);
        }

        if (plan.Jobs.Count > 0)
        {
            _signals.JobsAvailable(plan.Jobs.Count);
        }

        await SaveStateAsync(flow, stored, execution, plan, cancellationToken).ConfigureAwait(false);
    }

    private async Task SaveStateAsync(Flows.FlowDefinition flow, Execution stored, Execution execution, ExecutionPlan plan, CancellationToken cancellationToken)
    {
        var updated = execution with { State = plan.ExecutionState };
        if (plan.IsFinished)
        {
            var taskRuns = await _services.Store.GetTaskRunsAsync(execution.Id, cancellationToken).ConfigureAwait(false);
            var (outputs, error) = _outputs.Render(flow, updated, taskRuns);
            updated = updated with { Outputs = outputs, EndDate = _services.Time.GetUtcNow() };
            if (error is not null)
            {
                _logs.Write(new LogEntry { ExecutionId = execution.Id, Level = TaskLogLevel.Error, Message = error, Timestamp = _services.Time.GetUtcNow() });

                // Outputs usually read tasks that a failure or a kill kept from running: the execution keeps the
                // state and error that say why it ended, and only a successful one fails on its outputs.
                if (!updated.State.IsFailure())
                {
                    updated = updated with { State = State.Failed, Error = error };
                }
            }
        }

        if (updated != stored || plan.IsFinished)
        {
            await _services.Store.UpdateExecutionAsync(updated, cancellationToken).ConfigureAwait(false);
        }

        if (plan.IsFinished)
        {
            await _logs.FlushAsync(cancellationToken).ConfigureAwait(false);
            _flows.Remove(execution.Id);
            _signals.ExecutionFinished(execution.Id);
        }
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
