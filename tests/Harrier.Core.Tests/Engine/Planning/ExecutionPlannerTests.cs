namespace Harrier.Core.Tests.Engine.Planning;

public sealed class ExecutionPlannerTests
{
    public static TheoryData<string> Cases => PlannerCases.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Plan_FollowsTheTable(string behaviour)
    {
        var row = PlannerCases.All[behaviour];
        var simulation = new PlannerSimulation(row.Flow);

        var state = simulation.RunToEnd(row.Outcomes);

        Assert.Equal(row.Waves, simulation.Waves);
        Assert.Equal(row.States, simulation.FinalStates);
        Assert.Equal(row.Execution, Harrier.Core.Executions.States.ToName(state));
    }
}
