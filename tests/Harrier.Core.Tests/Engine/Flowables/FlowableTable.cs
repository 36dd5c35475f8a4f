using Harrier.Core.Tests.Engine.Planning;

namespace Harrier.Core.Tests.Engine.Flowables;

/// <summary>Runs one flowable's table of <see cref="PlannerCase"/>s through the pure planner with the fake worker.</summary>
internal static class FlowableTable
{
    public static PlannerSimulation Run(PlannerCase row)
    {
        var simulation = new PlannerSimulation(row.Flow);
        var state = simulation.RunToEnd(row.Outcomes);
        Assert.Equal(row.Waves, simulation.Waves);
        Assert.Equal(row.States, simulation.FinalStates);
        Assert.Equal(row.Execution, Harrier.Core.Executions.States.ToName(state));
        return simulation;
    }
}
