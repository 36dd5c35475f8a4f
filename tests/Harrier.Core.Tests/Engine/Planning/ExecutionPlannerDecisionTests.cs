using Harrier.Core.Executions;
using Harrier.Core.Logs;

namespace Harrier.Core.Tests.Engine.Planning;

public sealed class ExecutionPlannerDecisionTests
{
    [Fact]
    public void If_EvaluatesItsConditionOnce_AndKeepsTheBranch()
    {
        var simulation = new PlannerSimulation("""
            tasks:
              - id: i
                type: If
                condition: "{{ inputs.go }}"
                then:
                  - {id: t1, type: Return}
                  - {id: t2, type: Return}
            """, new Dictionary<string, object?> { ["go"] = true });

        var state = simulation.RunToEnd();

        Assert.Equal(State.Success, state);
        Assert.Equal(1, simulation.Evaluator.Calls);
        Assert.Equal("then", simulation.Run("i").Decision!.Branch);
        Assert.Equal("i t1 | t2", simulation.Waves);
    }

    [Fact]
    public void ForEach_EvaluatesItsValuesOnce_AndKeepsThem()
    {
        var simulation = new PlannerSimulation("""
            tasks:
              - id: each
                type: ForEach
                values: "{{ inputs.items }}"
                tasks:
                  - {id: x, type: Return}
            """, new Dictionary<string, object?> { ["items"] = new List<object?> { "a", 1L, new Dictionary<string, object?> { ["k"] = "v" } } });

        simulation.RunToEnd();

        Assert.Equal(1, simulation.Evaluator.Calls);
        Assert.Equal(["a", "1", """{"k":"v"}"""], simulation.Run("each").Decision!.Values!);
    }

    [Fact]
    public void ForEach_KeysIterationsByIndex_AndPassesTheValueToDescendants()
    {
        var simulation = new PlannerSimulation("""
            tasks:
              - id: each
                type: ForEach
                values: [a, b]
                concurrencyLimit: 0
                tasks:
                  - id: s
                    type: Sequential
                    tasks:
                      - {id: x, type: Return}
            """);

        simulation.RunToEnd();

        var each = simulation.Run("each");
        var xs = simulation.Runs.Where(r => r.TaskId == "x").ToList();
        Assert.Equal([0, 1], xs.Select(r => r.Iteration));
        Assert.Equal(["a", "b"], xs.Select(r => r.Value));
        Assert.All(simulation.Runs.Where(r => r.TaskId == "s"), s => Assert.Equal(each.Id, s.ParentTaskRunId));
        Assert.Null(each.Iteration);
    }

    [Fact]
    public void ForEach_WithValuesThatAreNotAList_LogsWhy()
    {
        var simulation = new PlannerSimulation("tasks:\n  - id: each\n    type: ForEach\n    values: not a list\n    tasks:\n      - {id: x, type: Return}");

        simulation.RunToEnd();

        var log = Assert.Single(simulation.Logs);
        Assert.Equal(TaskLogLevel.Error, log.Level);
        Assert.Equal("ex1", log.ExecutionId);
        Assert.Equal("each", log.TaskId);
        Assert.Contains("values of task 'each' must be a list or a JSON list, found the text 'not a list'", log.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForEach_WithAMapForValues_LogsThatItMustBeAList()
    {
        var simulation = new PlannerSimulation("tasks:\n  - id: each\n    type: ForEach\n    values: '{\"a\": 1}'\n    tasks:\n      - {id: x, type: Return}");

        Assert.Equal(State.Failed, simulation.RunToEnd());

        Assert.Contains("values of task 'each' must be a list", Assert.Single(simulation.Logs).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RunIf_ThatCannotBeEvaluated_LogsTheTaskAndTheReason()
    {
        var simulation = new PlannerSimulation("tasks:\n  - {id: a, type: Return, runIf: \"{{ nothing.here }}\"}");

        simulation.RunToEnd();

        var log = Assert.Single(simulation.Logs);
        Assert.Equal(simulation.Run("a").Id, log.TaskRunId);
        Assert.StartsWith("runIf of task 'a' could not be evaluated:", log.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_CreatesTaskRunsWithTheInjectedIdsAndTime_AndOneJobPerRunnable()
    {
        var simulation = new PlannerSimulation("tasks:\n  - id: p\n    type: Parallel\n    tasks:\n      - {id: a, type: Return}\n      - {id: b, type: Return}");

        var plan = simulation.Pass();

        Assert.Equal(["r1", "r2", "r3"], plan.SavedTaskRuns.Select(r => r.Id));
        Assert.All(plan.SavedTaskRuns, r => Assert.Equal(simulation.Time.GetUtcNow(), r.CreatedAt));
        Assert.Equal(["r2", "r3"], plan.Jobs.Select(j => j.TaskRunId));
        Assert.All(plan.Jobs, j => Assert.Equal(0, j.Attempt));
        Assert.Equal(State.Running, simulation.Run("p").State);
    }

    [Fact]
    public void Plan_OfAFinishedExecution_ChangesNothing()
    {
        var simulation = new PlannerSimulation("tasks:\n  - {id: a, type: Return}");
        simulation.RunToEnd();

        var again = simulation.Pass();

        Assert.Empty(again.SavedTaskRuns);
        Assert.Empty(again.Jobs);
        Assert.Equal(State.Success, again.ExecutionState);
    }
}
