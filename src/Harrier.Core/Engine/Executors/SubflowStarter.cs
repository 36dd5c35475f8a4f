using Harrier.Core.Engine.Planning;
using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Inputs;
using Harrier.Core.Logs;

namespace Harrier.Core.Engine.Executors;

/// <summary>
/// Turns the child executions a pass asks for (<see cref="ExecutionPlan.Subflows"/>) into executions stored with the
/// pass: the flow found in the engine's repository, the inputs checked and typed against it, the labels and the link to
/// the parent set. A child that cannot start (no such flow, invalid inputs) fails its Subflow run instead, with an ERROR
/// line saying why, and the parent is planned again at once so that the failure rolls up. A run that starts several
/// children (ForEachItem) starts all or, when one cannot, none.
/// </summary>
internal sealed class SubflowStarter(EngineServices services, FlowCache flows)
{
    public const string CorrelationLabel = "system.correlationId";

    public async Task<ExecutionPlan> StartAsync(FlowDefinition parentFlow, Execution parent, ExecutionPlan plan, CancellationToken cancellationToken)
    {
        if (plan.Subflows.Count == 0)
        {
            return plan;
        }

        var children = new List<Execution>(plan.NewExecutions);
        var runs = plan.SavedTaskRuns.ToList();
        var logs = plan.Logs.ToList();
        var wakeAt = plan.WakeAt;
        // A ForEachItem starts its batches together: when one cannot start, its run fails and none of them starts.
        var failed = new HashSet<string>(StringComparer.Ordinal);
        var started = new List<(SubflowStart Start, Execution Child)>();
        // A ForEachItem's thousand batches start one flow: look it up once.
        var found = new Dictionary<(string, string, int?), FlowDefinition?>();
        foreach (var start in plan.Subflows)
        {
            if (failed.Contains(start.TaskRunId))
            {
                continue;
            }

            var (child, error, warnings) = await PrepareAsync(parent, start, found, cancellationToken).ConfigureAwait(false);
            var now = services.Time.GetUtcNow();
            logs.AddRange(warnings.Select(w => Line(parent, start, TaskLogLevel.Warn, w, now)));
            if (child is not null)
            {
                started.Add((start, child));
                continue;
            }

            failed.Add(start.TaskRunId);
            var index = runs.FindIndex(r => r.Id == start.TaskRunId);
            var run = runs[index];
            var state = parentFlow.FindTask(start.TaskId) is { } task ? TaskStatePolicy.Finalize(State.Failed, task) : State.Failed;
            runs[index] = run with
            {
                State = state,
                Outputs = new Dictionary<string, object?>(),
                EndDate = now,
                Attempts = [.. run.Attempts.Take(run.Attempts.Count - 1), new TaskRunAttempt(state, run.Attempts.Count > 0 ? run.Attempts[^1].StartDate : now, now)],
            };
            logs.Add(Line(parent, start, TaskLogLevel.Error, error!, now));
            wakeAt = now;
        }

        children.AddRange(started.Where(s => !failed.Contains(s.Start.TaskRunId)).Select(s => s.Child));
        return plan with { NewExecutions = children, SavedTaskRuns = runs, Logs = logs, WakeAt = wakeAt };
    }

    private async Task<(Execution? Child, string? Error, IReadOnlyList<string> Warnings)> PrepareAsync(
        Execution parent, SubflowStart start, Dictionary<(string, string, int?), FlowDefinition?> found, CancellationToken cancellationToken)
    {
        var name = $"{start.Namespace}.{start.FlowId}" + (start.Revision is { } r ? $" at revision {r}" : "")
            + (start.Iteration is { } batch ? $" for batch {batch}" : "");
        if (services.Flows is not { } repository)
        {
            return (null, $"task '{start.TaskId}' cannot start {name}: this engine has no flow repository", []);
        }

        var key = (start.Namespace, start.FlowId, start.Revision);
        if (!found.TryGetValue(key, out var known))
        {
            found[key] = known = await repository.FindAsync(start.Namespace, start.FlowId, start.Revision, cancellationToken).ConfigureAwait(false);
        }

        if (known is not { } flow)
        {
            return (null, $"task '{start.TaskId}' cannot start the flow {name}: there is no such flow {repository.Where}", []);
        }

        var resolution = InputResolver.Resolve(flow, start.Inputs);
        var warnings = resolution.Warnings.Select(w => $"task '{start.TaskId}', subflow {name}: {w}").ToList();
        if (resolution.Errors.Count > 0)
        {
            return (null, $"task '{start.TaskId}' cannot start the flow {name}: {string.Join("; ", resolution.Errors)}", warnings);
        }

        var trigger = new ExecutionTrigger(start.TaskId, start.TriggerType, new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["executionId"] = parent.Id,
            ["namespace"] = parent.Namespace,
            ["flowId"] = parent.FlowId,
            ["flowRevision"] = (long)parent.FlowRevision,
        });
        var child = ExecutionDrafts.New(services, flow, resolution.Inputs, start.ChildExecutionId, trigger) with
        {
            ParentExecutionId = parent.Id,
            ParentTaskRunId = start.TaskRunId,
            Owner = parent.Owner,
            Labels = Labels(flow, parent, start),
        };
        flows.Add(flow, child.FlowSourceId!);
        return (child, null, warnings);
    }

    /// <summary>The flow's labels, the parent's when inherited, the task's, and the parent's correlation id, later ones winning.</summary>
    private static IReadOnlyList<FlowLabel> Labels(FlowDefinition flow, Execution parent, SubflowStart start)
    {
        var labels = new List<FlowLabel>(flow.Labels);
        void Set(FlowLabel label)
        {
            labels.RemoveAll(l => l.Key == label.Key);
            labels.Add(label);
        }

        foreach (var label in start.InheritLabels ? parent.Labels.Where(l => l.Key != CorrelationLabel) : [])
        {
            Set(label);
        }

        foreach (var label in start.Labels)
        {
            Set(label);
        }

        Set(new FlowLabel(CorrelationLabel, parent.Labels.FirstOrDefault(l => l.Key == CorrelationLabel)?.Value ?? parent.Id));
        return labels;
    }

    private static LogEntry Line(Execution parent, SubflowStart start, TaskLogLevel level, string message, DateTimeOffset now) => new()
    {
        ExecutionId = parent.Id,
        TaskRunId = start.TaskRunId,
        TaskId = start.TaskId,
        Level = level,
        Message = message,
        Timestamp = now,
    };
}
