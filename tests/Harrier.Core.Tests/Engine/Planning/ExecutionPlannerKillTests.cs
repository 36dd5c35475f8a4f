using Harrier.Core.Executions;

namespace Harrier.Core.Tests.Engine.Planning;

public sealed class ExecutionPlannerKillTests
{
    private const string ParallelThenC = """
        tasks:
          - id: p
            type: Parallel
            concurrent: 1
            tasks:
              - {id: a, type: Return}
              - {id: b, type: Return}
          - {id: c, type: Return}
        finally:
          - {id: f, type: Return}
        """;

    [Fact]
    public void Kill_KillsWaitingRunnables_StartsNothingNew_AndEndsKilled()
    {
        var simulation = new PlannerSimulation(ParallelThenC);
        simulation.Pass();
        simulation.Kill();

        var plan = simulation.Pass();

        Assert.Empty(plan.Jobs);
        Assert.Equal(State.Killed, plan.ExecutionState);
        Assert.Equal("p=KILLED a=KILLED", simulation.FinalStates);
    }

    [Fact]
    public void Kill_WaitsForARunningTask_InKilling_ThenEndsKilled()
    {
        var simulation = new PlannerSimulation(ParallelThenC);
        simulation.Pass();
        var a = simulation.Run("a");
        simulation.Replace(a with { State = State.Running });
        simulation.Kill();

        var killing = simulation.Pass();
        simulation.Replace(simulation.Run("a") with { State = State.Killed });
        var killed = simulation.Pass();

        Assert.Equal(State.Killing, killing.ExecutionState);
        Assert.Empty(killing.Jobs);
        Assert.Equal(State.Killed, killed.ExecutionState);
        Assert.Empty(killed.Jobs);
        Assert.Equal("p=KILLED a=KILLED", simulation.FinalStates);
    }

    [Fact]
    public void Kill_KillsARunnableWaitingForItsRetry()
    {
        var simulation = new PlannerSimulation("tasks:\n  - {id: a, type: Return}\n  - {id: b, type: Return}");
        simulation.Pass();
        simulation.Replace(simulation.Run("a") with { State = State.Retrying });
        simulation.Kill();

        var plan = simulation.Pass();

        Assert.Equal(State.Killed, plan.ExecutionState);
        Assert.Equal("a=KILLED", simulation.FinalStates);
    }

    [Fact]
    public void Kill_OfAForEach_StartsNoFurtherIteration()
    {
        var simulation = new PlannerSimulation("tasks:\n  - id: each\n    type: ForEach\n    values: [a, b]\n    tasks:\n      - {id: x, type: Return}");
        simulation.Pass();
        simulation.Replace(simulation.Run("x[a]") with { State = State.Running });
        simulation.Kill();
        simulation.Pass();
        simulation.Replace(simulation.Run("x[a]") with { State = State.Killed });

        var plan = simulation.Pass();

        Assert.Equal(State.Killed, plan.ExecutionState);
        Assert.Equal("each=KILLED x[a]=KILLED", simulation.FinalStates);
    }
}
