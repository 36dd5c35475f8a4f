using Harrier.Core.Engine.Executors;
using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Store;

namespace Harrier.Core.Tests.Engine;

/// <summary>
/// The rules of <c>retry.behavior: CREATE_NEW_EXECUTION</c> that need no store: which failed task run asks for a new
/// execution (its retry inherited as Kestra resolves it), when the next attempt is due, and what that execution carries.
/// </summary>
public sealed class NewExecutionRetryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    private static Execution Failed(int attempt = 1) => new()
    {
        Id = "second",
        Namespace = "company.team",
        FlowId = "test",
        FlowRevision = 4,
        State = State.Running,
        CreatedAt = T0.AddMinutes(attempt),
        Inputs = new Dictionary<string, object?> { ["day"] = "monday" },
        Labels = [new FlowLabel("team", "data")],
        Owner = "host:1:2",
        FlowSourceId = "source-1",
        AttemptNumber = attempt,
        OriginalId = attempt == 1 ? null : "first",
        OriginalCreatedAt = attempt == 1 ? null : T0,
    };

    private static TaskRun Run(string taskId, State state) => new()
    {
        Id = "run-" + taskId, ExecutionId = "second", TaskId = taskId, State = state, CreatedAt = T0,
    };

    [Fact]
    public void AFailedRunnableUnderAFlowableWithTheBehaviour_AsksForANewExecution_AndOneWithTheDefaultBehaviourDoesNot()
    {
        var flow = TestFlows.Load("""
            tasks:
              - id: seq
                type: io.kestra.plugin.core.flow.Sequential
                retry: {type: constant, interval: PT1S, maxAttempts: 3, behavior: CREATE_NEW_EXECUTION}
                tasks:
                  - id: inherits
                    type: io.kestra.plugin.core.execution.Fail
              - id: own
                type: io.kestra.plugin.core.execution.Fail
                retry: {type: constant, interval: PT1S, maxAttempts: 3}
            """);

        var inherited = NewExecutionRetry.FindFailed(flow, new PlanningRead(Failed(), [], [Run("seq", State.Running), Run("inherits", State.Failed)]));
        var plain = NewExecutionRetry.FindFailed(flow, new PlanningRead(Failed(), [], [Run("own", State.Failed)]));

        Assert.Equal(("inherits", 3), (inherited?.Run.TaskId, inherited?.Retry.MaxAttempts));
        Assert.Null(plain);
    }

    [Fact]
    public void TheNextAttempt_IsDueAfterTheDelay_UntilMaxAttemptsExecutionsRan_OrMaxDurationFromTheFirstIsOver()
    {
        var retry = new RetryPolicy(RetryKind.Constant) { Interval = TimeSpan.FromSeconds(30), MaxAttempts = 3, Behavior = RetryPolicy.CreateNewExecution };
        var now = T0.AddMinutes(5);

        Assert.Equal(now.AddSeconds(30), NewExecutionRetry.NextAttemptAt(retry, Failed(2), now));
        Assert.Null(NewExecutionRetry.NextAttemptAt(retry, Failed(3), now));
        Assert.Null(NewExecutionRetry.NextAttemptAt(retry with { MaxAttempts = null, MaxDuration = TimeSpan.FromMinutes(5) }, Failed(2), now));
    }

    [Fact]
    public void TheNextExecution_CarriesTheFlowInputsLabelsAndOwner_OneAttemptHigher_NamingTheFirst_UnderAnIdFixedByTheAttempt()
    {
        var flow = TestFlows.Load("tasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: hi");
        var retried = Failed(2) with { State = State.Retried };

        var next = NewExecutionRetry.Next(retried, flow, T0.AddHours(1));

        Assert.Equal((3, "first", T0, State.Created, T0.AddHours(1)), (next.AttemptNumber, next.OriginalId, next.OriginalCreatedAt, next.State, next.CreatedAt));
        Assert.Equal((4, "source-1", "host:1:2"), (next.FlowRevision, next.FlowSourceId, next.Owner));
        Assert.Equal(retried.Inputs, next.Inputs);
        Assert.Equal(retried.Labels, next.Labels);
        Assert.Equal(NewExecutionRetry.AttemptId("second", 3), next.Id);
        Assert.Equal(next.Id, NewExecutionRetry.NextId(retried));
        Assert.NotEqual(NewExecutionRetry.AttemptId("first", 3), next.Id);
        Assert.Equal(NewExecutionRetry.AttemptId("second", 2), NewExecutionRetry.NextId(Failed(1)));
    }
}
