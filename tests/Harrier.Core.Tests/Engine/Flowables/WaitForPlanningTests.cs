using Harrier.Core.Tests.Engine.Planning;

namespace Harrier.Core.Tests.Engine.Flowables;

/// <summary>WaitFor: tasks run, then the condition; until it is true, the tasks run again after the interval.</summary>
public sealed class WaitForPlanningTests
{
    private static string Flow(string condition, string frequency = "interval: PT10S", string extra = "") => $$"""
        tasks:
          - id: w
            type: WaitFor
            condition: "{{condition}}"
            checkFrequency: {{{frequency}}}
            {{extra}}
            tasks:
              - {id: t, type: Return}
          - {id: after, type: Return}
        """;

    [Fact]
    public void ATrueCondition_EndsAfterTheFirstIteration()
    {
        var simulation = FlowableTable.Run(new(Flow("{{ true }}"), "", "w t | after", "w=SUCCESS t=SUCCESS after=SUCCESS", "SUCCESS"));

        Assert.Equal(1L, simulation.Run("w").Outputs["iterationCount"]);
        Assert.Equal(0, simulation.WakeUps);
    }

    [Fact]
    public void TheLoopRunsUntilTheConditionIsTrue_WaitingTheIntervalBetweenIterations()
    {
        var simulation = new PlannerSimulation(Flow("{{ outputs.w.iterationCount >= 3 }}"));
        var start = simulation.Time.GetUtcNow();

        Assert.Equal("SUCCESS", Harrier.Core.Executions.States.ToName(simulation.RunToEnd()));

        Assert.Equal("w t | t | t | after", simulation.Waves);
        Assert.Equal(3L, simulation.Run("w").Outputs["iterationCount"]);
        Assert.Equal(2, simulation.WakeUps);
        var iterations = simulation.Runs.Where(r => r.TaskId == "t").Select(r => (r.Iteration, r.CreatedAt - start)).ToList();
        Assert.Equal([(1, TimeSpan.Zero), (2, TimeSpan.FromSeconds(10)), (3, TimeSpan.FromSeconds(20))], iterations);
    }

    [Theory]
    [InlineData("false", "SUCCESS")]
    [InlineData("true", "FAILED")]
    public void MaxIterations_EndsTheLoop_FailingOnlyWithFailOnMaxReached(string failOnMaxReached, string expected)
    {
        var simulation = new PlannerSimulation(Flow("{{ false }}", "interval: PT1S, maxIterations: 2", $"failOnMaxReached: {failOnMaxReached}"));

        Assert.Equal(expected, Harrier.Core.Executions.States.ToName(simulation.RunToEnd()));

        Assert.Equal(2, simulation.Runs.Count(r => r.TaskId == "t"));
        Assert.Contains(simulation.Logs, l => l.Message.Contains("max iterations reached (2)", StringComparison.Ordinal));
    }

    [Fact]
    public void MaxDuration_EndsTheLoop()
    {
        var simulation = new PlannerSimulation(Flow("{{ false }}", "interval: PT1M, maxDuration: PT3M", "failOnMaxReached: true"));

        Assert.Equal("FAILED", Harrier.Core.Executions.States.ToName(simulation.RunToEnd()));

        Assert.Equal(4, simulation.Runs.Count(r => r.TaskId == "t"));
        Assert.Contains(simulation.Logs, l => l.Message.Contains("max duration reached (PT3M)", StringComparison.Ordinal));
    }

    [Fact]
    public void AFailedIteration_FailsTheLoopAtOnce()
    {
        FlowableTable.Run(new(Flow("{{ false }}"), "t=FAILED", "w t", "w=FAILED t=FAILED", "FAILED"));
    }
}
