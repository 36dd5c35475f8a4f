using Harrier.Core.Tests.Engine.Planning;

namespace Harrier.Core.Tests.Engine.Flowables;

/// <summary>Dag: a task starts once all it depends on ended; concurrency caps what runs at once; a failure stops new starts.</summary>
public sealed class DagPlanningTests
{
    private const string Diamond = """
        tasks:
          - id: dag
            type: Dag
            CONCURRENT
            tasks:
              - task: {id: a, type: Return}
              - task: {id: b, type: Return}
                dependsOn: [a]
              - task: {id: c, type: Return}
                dependsOn: [a]
              - task: {id: d, type: Return}
                dependsOn: [b, c]
              - task: {id: e, type: Return}
        """;

    private static readonly Dictionary<string, PlannerCase> Cases = new(StringComparer.Ordinal)
    {
        ["TasksWithoutDependencies_StartTogether_AndDependentsFollowInWaves"] = new(
            Diamond.Replace("CONCURRENT", ""), "", "dag a e | b c | d", "dag=SUCCESS a=SUCCESS e=SUCCESS b=SUCCESS c=SUCCESS d=SUCCESS", "SUCCESS"),
        ["Concurrent1_RunsOneReadyTaskAtATime_InListOrder"] = new(
            Diamond.Replace("CONCURRENT", "concurrent: 1"), "", "dag a | b | c | d | e", "dag=SUCCESS a=SUCCESS b=SUCCESS c=SUCCESS d=SUCCESS e=SUCCESS", "SUCCESS"),
        ["AFailure_StartsNoFurtherTask_AndFailsTheDag"] = new(
            Diamond.Replace("CONCURRENT", ""), "b=FAILED", "dag a e | b c", "dag=FAILED a=SUCCESS e=SUCCESS b=FAILED c=SUCCESS", "FAILED"),
        ["ASkippedDependency_CountsAsEnded"] = new("""
            tasks:
              - id: dag
                type: Dag
                tasks:
                  - task: {id: a, type: Return, runIf: "false"}
                  - task: {id: b, type: Return}
                    dependsOn: [a]
            """, "", "dag a b", "dag=SUCCESS a=SKIPPED b=SUCCESS", "SUCCESS"),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Dag_FollowsTheTable(string behaviour) => FlowableTable.Run(Cases[behaviour]);
}
