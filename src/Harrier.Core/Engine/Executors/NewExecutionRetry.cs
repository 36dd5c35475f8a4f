using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Store;

namespace Harrier.Core.Engine.Executors;

/// <summary>
/// Kestra's <c>retry.behavior: CREATE_NEW_EXECUTION</c> (on a task, inherited from a flowable parent or from the flow): when
/// a task with it fails and the retry allows one more attempt — <c>maxAttempts</c> counts executions
/// (<see cref="Execution.AttemptNumber"/>), <c>maxDuration</c> runs from the first one's creation — the task run and the
/// execution end RETRIED and, once the retry's delay is over, a new execution of the same flow revision starts with the
/// same inputs, labels and trigger, its attempt number one higher and <see cref="Execution.OriginalId"/> naming the first.
/// </summary>
/// <remarks>
/// Durable in two commits. The first ends the execution RETRIED with <see cref="Execution.RetryAt"/> and a wake-up at that
/// time (both stored, so a restart or a recovery keeps the delay). The pass woken then creates the next execution and
/// clears <see cref="Execution.RetryAt"/> in one transaction, with the wake-up's completion: a process killed before it
/// commits leaves both for the next pass, one that committed leaves nothing to do again. The next execution's id is
/// derived from the retried execution's own id and the attempt number, and a pass that finds it already stored creates
/// nothing, so it exists once whatever happens. (Derived from the retried one, not from the first of the chain: a replay
/// carries its original's chain and attempt number on, as in Kestra, and two chains must never meet at one id.)
/// </remarks>
public static class NewExecutionRetry
{
    /// <summary>The id of attempt <paramref name="attempt"/>, the retry of execution <paramref name="retriedId"/>.</summary>
    public static string AttemptId(string retriedId, int attempt) => Ids.From($"{retriedId}/attempt/{attempt}");

    /// <summary>The id of the execution that retries <paramref name="retried"/>.</summary>
    public static string NextId(Execution retried) => AttemptId(retried.Id, retried.AttemptNumber + 1);

    /// <summary>A task run that failed since the last pass and whose task retries by a new execution, with that retry.</summary>
    public static (TaskRun Run, RetryPolicy Retry)? FindFailed(FlowDefinition flow, PlanningRead read)
    {
        foreach (var run in read.Changed)
        {
            if (run.State == State.Failed && flow.FindTask(run.TaskId) is { IsFlowable: false, Retry: { Behavior: RetryPolicy.CreateNewExecution } retry })
            {
                return (run, retry);
            }
        }

        return null;
    }

    /// <summary>When the next attempt of <paramref name="execution"/> is due after <paramref name="retry"/>, or null when the retry allows no more.</summary>
    public static DateTimeOffset? NextAttemptAt(RetryPolicy retry, Execution execution, DateTimeOffset now) =>
        RetryDecider.NextDelay(retry, execution.AttemptNumber, execution.OriginalCreatedAt ?? execution.CreatedAt, now, Random.Shared) is { } delay
            ? now + delay
            : null;

    /// <summary>The execution that retries <paramref name="retried"/> (of <paramref name="flow"/>), created at <paramref name="now"/>.</summary>
    public static Execution Next(Execution retried, FlowDefinition flow, DateTimeOffset now) => new()
    {
        Id = NextId(retried),
        Namespace = retried.Namespace,
        FlowId = retried.FlowId,
        FlowRevision = retried.FlowRevision,
        State = State.Created,
        Inputs = retried.Inputs,
        Labels = retried.Labels,
        CreatedAt = now,
        FlowSource = retried.FlowSource,
        FlowSourceId = retried.FlowSourceId,
        FlowFile = retried.FlowFile,
        Owner = retried.Owner,
        Trigger = retried.Trigger,
        ConcurrencyLimit = flow.Concurrency?.Limit ?? retried.ConcurrencyLimit,
        ConcurrencyBehavior = flow.Concurrency?.Behavior,
        AttemptNumber = retried.AttemptNumber + 1,
        OriginalId = retried.OriginalId ?? retried.Id,
        OriginalCreatedAt = retried.OriginalCreatedAt ?? retried.CreatedAt,
    };
}
