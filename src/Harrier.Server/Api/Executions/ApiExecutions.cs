using System.Xml;
using Harrier.Core.Executions;
using Harrier.Core.Inputs;

namespace Harrier.Server.Api.Executions;

/// <summary>
/// Maps Harrier's executions and task runs to Kestra's shapes. Harrier stores the dates a state history is made of
/// (created, started, kill requested, ended), not every transition; histories are rebuilt from them in order.
/// </summary>
public static class ApiExecutions
{
    public static ApiExecution From(Execution execution, IReadOnlyList<TaskRun>? taskRuns, DateTimeOffset now, string? url = null) => new()
    {
        Id = execution.Id,
        Namespace = execution.Namespace,
        FlowId = execution.FlowId,
        FlowRevision = execution.FlowRevision,
        TaskRunList = taskRuns?.Select(run => From(run, execution, now)).ToList(),
        Inputs = execution.Inputs.Count == 0 ? null : SecretInputCipher.Masked(execution.Inputs) as IReadOnlyDictionary<string, object?>,
        Outputs = execution.Outputs.Count == 0 ? null : execution.Outputs,
        Labels = [.. execution.Labels.Select(l => new ApiLabel(l.Key, l.Value))],
        State = ExecutionState(execution, now),
        OriginalId = execution.OriginalId ?? execution.Id,
        Metadata = new ApiExecutionMetadata(execution.AttemptNumber, (execution.OriginalCreatedAt ?? execution.CreatedAt).UtcDateTime),
        Trigger = execution.Trigger is { } trigger ? new ApiExecutionTrigger(trigger.Id, trigger.Type, trigger.Variables) : null,
        Url = url,
    };

    public static ApiTaskRun From(TaskRun run, Execution execution, DateTimeOffset now) => new()
    {
        Id = run.Id,
        ExecutionId = run.ExecutionId,
        Namespace = execution.Namespace,
        FlowId = execution.FlowId,
        TaskId = run.TaskId,
        ParentTaskRunId = run.ParentTaskRunId,
        Value = run.Value,
        Iteration = run.Iteration,
        Attempts = [.. run.Attempts.Select(a => new ApiTaskRunAttempt(AttemptState(a, now), a.Worker))],
        Outputs = run.Outputs.Count == 0 ? null : run.Outputs,
        State = TaskRunState(run, now),
    };

    private static ApiState ExecutionState(Execution execution, DateTimeOffset now)
    {
        var history = new List<(State State, DateTimeOffset Date)> { (Core.Executions.State.Created, execution.CreatedAt) };
        if (execution.StartDate is { } started)
        {
            history.Add((Core.Executions.State.Running, started));
        }

        if (execution.KillRequestedAt is { } killed && execution.State is Core.Executions.State.Killing or Core.Executions.State.Killed)
        {
            history.Add((Core.Executions.State.Killing, killed));
        }

        if (execution.State.IsTerminal())
        {
            history.Add((execution.State, execution.EndDate ?? history[^1].Item2));
        }
        else if (execution.State != history[^1].Item1)
        {
            history.Add((execution.State, history[^1].Item2));
        }

        return ToState(execution.State, history, now);
    }

    private static ApiState TaskRunState(TaskRun run, DateTimeOffset now)
    {
        var history = new List<(State State, DateTimeOffset Date)> { (Core.Executions.State.Created, run.CreatedAt) };
        if (run.Attempts.Count > 0 && run.State != Core.Executions.State.Skipped)
        {
            history.Add((Core.Executions.State.Running, run.Attempts[0].StartDate));
        }

        if (run.State.IsTerminal())
        {
            history.Add((run.State, run.EndDate ?? history[^1].Item2));
        }
        else if (run.State != history[^1].Item1)
        {
            history.Add((run.State, run.Attempts.Count > 0 ? run.Attempts[^1].StartDate : history[^1].Item2));
        }

        return ToState(run.State, history, now);
    }

    private static ApiState AttemptState(TaskRunAttempt attempt, DateTimeOffset now)
    {
        var history = new List<(State State, DateTimeOffset Date)> { (Core.Executions.State.Running, attempt.StartDate) };
        if (attempt.State != Core.Executions.State.Running)
        {
            history.Add((attempt.State, attempt.EndDate ?? attempt.StartDate));
        }

        return ToState(attempt.State, history, now);
    }

    private static ApiState ToState(State current, List<(State State, DateTimeOffset Date)> history, DateTimeOffset now)
    {
        var start = history[0].Date;
        DateTimeOffset? end = current.IsTerminal() || current == Core.Executions.State.Paused ? history[^1].Date : null;
        var duration = (end ?? now) - start;
        return new ApiState(
            current.ToName(),
            [.. history.Select(h => new ApiStateHistory(h.State.ToName(), h.Date.UtcDateTime))],
            XmlConvert.ToString(duration < TimeSpan.Zero ? TimeSpan.Zero : duration),
            start.UtcDateTime,
            end?.UtcDateTime);
    }
}
