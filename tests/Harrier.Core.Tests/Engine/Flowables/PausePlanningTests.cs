using Harrier.Core.Executions;
using Harrier.Core.Tests.Engine.Planning;

namespace Harrier.Core.Tests.Engine.Flowables;

/// <summary>Pause: PAUSED (the execution too) until its delay passes, its timeout fails it, or a resume moves it on.</summary>
public sealed class PausePlanningTests
{
    private static string Flow(string properties) => $$"""
        tasks:
          - id: p
            type: Pause
            {{properties}}
          - {id: after, type: Return}
        """;

    [Fact]
    public void ADelay_PausesTheExecution_ThenGoesOnByItselfOnceItPassed()
    {
        var simulation = new PlannerSimulation(Flow("delay: PT5M"));
        var start = simulation.Time.GetUtcNow();

        var first = simulation.Pass();

        Assert.Equal(State.Paused, first.ExecutionState);
        Assert.Equal(State.Paused, simulation.Run("p").State);
        Assert.Equal(start.AddMinutes(5), first.WakeAt);
        Assert.Equal(State.Success, simulation.RunToEnd());
        Assert.Equal("p | after", simulation.Waves);
        Assert.Equal(start.AddMinutes(5), simulation.Run("after").CreatedAt);
    }

    [Fact]
    public void ATimeout_FailsThePause_WhenNobodyResumedIt()
    {
        var simulation = new PlannerSimulation(Flow("timeout: PT1H"));

        Assert.Equal(State.Failed, simulation.RunToEnd());

        Assert.Equal("p=FAILED", simulation.FinalStates);
        Assert.Contains(simulation.Logs, l => l.Message.Contains("timed out before it was resumed", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutDelayOrTimeout_ItWaitsForAResume_AndAResumedRunSucceeds()
    {
        var simulation = new PlannerSimulation(Flow(""));

        var paused = simulation.Pass();
        Assert.Null(paused.WakeAt);
        Assert.Equal(State.Paused, simulation.Pass().ExecutionState);

        // What a resume stores: the run RUNNING with its onResume outputs, its decision kept.
        simulation.Replace(simulation.Run("p") with { State = State.Running, Outputs = new Dictionary<string, object?> { ["onResume"] = new Dictionary<string, object?>() } });

        Assert.Equal(State.Success, simulation.RunToEnd());
        Assert.Equal("p=SUCCESS after=SUCCESS", simulation.FinalStates);
    }

    [Fact]
    public void AKill_EndsAPausedRunKilled()
    {
        var simulation = new PlannerSimulation(Flow(""));
        simulation.Pass();

        simulation.Kill();

        Assert.Equal(State.Killed, simulation.Pass().ExecutionState);
        Assert.Equal("p=KILLED", simulation.FinalStates);
    }

    [Fact]
    public void ADelayThatIsNotADuration_FailsThePause_NamingTheProperty()
    {
        var simulation = new PlannerSimulation(Flow("delay: \"{{ 'soon' }}\""));

        Assert.Equal(State.Failed, simulation.RunToEnd());
        Assert.Contains(simulation.Logs, l => l.Message.Contains("delay of task 'p' must be an ISO-8601 duration such as PT5M, found 'soon'", StringComparison.Ordinal));
    }
}
