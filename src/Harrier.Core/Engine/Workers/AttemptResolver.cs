using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Tasks.Running;

namespace Harrier.Core.Engine.Workers;

/// <summary>
/// Turns an attempt's outcome into the task run to store: a retry (RETRYING with the next date) or the
/// final state with <c>warningOnRetry</c>, <c>allowFailure</c> and <c>allowWarning</c> applied. Pure.
/// </summary>
public static class AttemptResolver
{
    public static (TaskRun TaskRun, DateTimeOffset? RetryAt) Resolve(TaskDefinition task, TaskRun running, TaskOutcome outcome, DateTimeOffset now, Random random)
    {
        var attempts = running.Attempts.ToList();
        var last = attempts[^1];
        attempts[^1] = last with { State = outcome.State, EndDate = now };
        var updated = running with { Attempts = attempts, Outputs = outcome.Outputs, Metrics = outcome.Metrics };

        // CREATE_NEW_EXECUTION retries the whole execution, not the task: the attempt fails and the executor decides.
        if (outcome.State == State.Failed && task.Retry is { Behavior: not RetryPolicy.CreateNewExecution } retry
            && RetryDecider.NextDelay(retry, attempts.Count, attempts[0].StartDate, now, random) is { } delay)
        {
            var at = now + delay;
            return (updated with { State = State.Retrying, NextAttemptAt = at }, at);
        }

        var state = outcome.State;
        if (state == State.Success && attempts.Count > 1 && task.Retry?.WarningOnRetry == true)
        {
            state = State.Warning;
        }

        return (updated with { State = TaskStatePolicy.Finalize(state, task), EndDate = now }, null);
    }
}
