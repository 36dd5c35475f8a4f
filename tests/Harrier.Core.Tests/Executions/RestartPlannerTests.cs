using Harrier.Core.Executions;
using Harrier.Core.Executions.Restarts;
using Harrier.Core.Tests.Engine;

namespace Harrier.Core.Tests.Executions;

/// <summary>Which runs a restart resets: the failed ones that failed the execution, their flowables, and nothing that succeeded.</summary>
public sealed class RestartPlannerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 14, 9, 0, 0, TimeSpan.Zero);

    private static Execution Ended(State state) => new() { Id = "ex", Namespace = "company.team", FlowId = "test", State = state, CreatedAt = T0, EndDate = T0, Owner = "host:1:2", KillRequestedAt = T0 };

    private static TaskRun Run(string id, string taskId, State state, string? parent = null, int attempts = 1) => new()
    {
        Id = id,
        ExecutionId = "ex",
        TaskId = taskId,
        ParentTaskRunId = parent,
        State = state,
        CreatedAt = T0,
        EndDate = T0,
        Attempts = [.. Enumerable.Range(0, attempts).Select(_ => new TaskRunAttempt(state, T0, T0))],
    };

    [Fact]
    public void Plan_ResetsTheFailedRunnable_AndItsFailedFlowable_WithAJobForTheNextAttempt_KeepingSuccesses()
    {
        var flow = TestFlows.Load("""
            tasks:
              - id: ok
                type: io.kestra.plugin.core.log.Log
                message: fine
              - id: group
                type: io.kestra.plugin.core.flow.Sequential
                tasks:
                  - id: bad
                    type: io.kestra.plugin.core.log.Log
                    message: broke
            """);
        TaskRun[] runs = [Run("r1", "ok", State.Success), Run("r2", "group", State.Failed), Run("r3", "bad", State.Failed, "r2", attempts: 2)];

        var restart = RestartPlanner.Plan(flow, Ended(State.Failed), runs).Restart!;

        Assert.Equal(["r2:RUNNING", "r3:RESTARTED"], restart.TaskRuns.Select(r => $"{r.Id}:{r.State.ToName()}").Order());
        Assert.Equal(("r3", 2), (Assert.Single(restart.Jobs).TaskRunId, restart.Jobs[0].Attempt));
        Assert.Equal((State.Restarted, null, null, null), (restart.Execution.State, restart.Execution.EndDate, restart.Execution.Owner, restart.Execution.KillRequestedAt));
    }

    [Fact]
    public void Plan_LeavesFailuresThatAFlowableAllowed()
    {
        var flow = TestFlows.Load("""
            tasks:
              - id: tolerant
                type: io.kestra.plugin.core.flow.Sequential
                allowFailure: true
                tasks:
                  - id: bad
                    type: io.kestra.plugin.core.log.Log
                    message: broke
              - id: fatal
                type: io.kestra.plugin.core.log.Log
                message: broke too
            """);
        TaskRun[] runs = [Run("r1", "tolerant", State.Warning), Run("r2", "bad", State.Failed, "r1"), Run("r3", "fatal", State.Failed)];

        var restart = RestartPlanner.Plan(flow, Ended(State.Failed), runs).Restart!;

        Assert.Equal(["r3"], restart.TaskRuns.Select(r => r.Id));
    }

    [Theory]
    [InlineData(State.Success)]
    [InlineData(State.Running)]
    [InlineData(State.Warning)]
    public void Plan_RefusesExecutionsThatAreNotFailedOrKilled(State state)
    {
        var flow = TestFlows.Load("tasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: m\n");

        var decision = RestartPlanner.Plan(flow, Ended(state), [Run("r1", "t", State.Success)]);

        Assert.Null(decision.Restart);
        Assert.Contains("only a FAILED or KILLED execution", decision.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_RefusesATaskThatRanInsideAWorkingDirectory()
    {
        var flow = TestFlows.Load("""
            tasks:
              - id: wd
                type: io.kestra.plugin.core.flow.WorkingDirectory
                tasks:
                  - id: inner
                    type: io.kestra.plugin.core.log.Log
                    message: m
            """);

        var decision = RestartPlanner.Plan(flow, Ended(State.Failed), [Run("r1", "wd", State.Failed), Run("r2", "inner", State.Failed, "r1")]);

        Assert.Contains("WorkingDirectory", decision.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_RefusesAFailedForEachItem_WhoseBatchesAreExecutionsOfTheirOwn()
    {
        var flow = TestFlows.Load("""
            tasks:
              - id: each
                type: io.kestra.plugin.core.flow.ForEachItem
                items: "{{ inputs.file }}"
                namespace: company.team
                flowId: child
            """);

        var decision = RestartPlanner.Plan(flow, Ended(State.Failed), [Run("r1", "each", State.Failed)]);

        Assert.Null(decision.Restart);
        Assert.Contains("task 'each' is a ForEachItem", decision.Refusal, StringComparison.Ordinal);
    }
}
