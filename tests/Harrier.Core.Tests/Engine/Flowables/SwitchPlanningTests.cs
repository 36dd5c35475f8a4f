using Harrier.Core.Tests.Engine.Planning;

namespace Harrier.Core.Tests.Engine.Flowables;

/// <summary>Switch: the value's text picks one case, run in order; defaults otherwise; nothing to run fails.</summary>
public sealed class SwitchPlanningTests
{
    private const string Flow = """
        tasks:
          - id: s
            type: Switch
            value: "{{ VALUE }}"
            cases:
              A:
                - {id: a1, type: Return}
                - {id: a2, type: Return}
              "1":
                - {id: one, type: Return}
            defaults:
              - {id: d, type: Return}
          - {id: after, type: Return}
        """;

    private static readonly Dictionary<string, PlannerCase> Cases = new(StringComparer.Ordinal)
    {
        ["MatchingCase_RunsItsTasksInOrder_ThenTheFlowGoesOn"] = new(Flow.Replace("VALUE", "'A'"), "", "s a1 | a2 | after", "s=SUCCESS a1=SUCCESS a2=SUCCESS after=SUCCESS", "SUCCESS"),
        ["ANumberMatchesTheKeyWrittenAsItsText"] = new(Flow.Replace("VALUE", "0 + 1"), "", "s one | after", "s=SUCCESS one=SUCCESS after=SUCCESS", "SUCCESS"),
        ["NoMatchingCase_RunsDefaults"] = new(Flow.Replace("VALUE", "'Z'"), "", "s d | after", "s=SUCCESS d=SUCCESS after=SUCCESS", "SUCCESS"),
        ["AFailingCaseTask_FailsTheSwitchAndStopsTheFlow"] = new(Flow.Replace("VALUE", "'A'"), "a1=FAILED", "s a1", "s=FAILED a1=FAILED", "FAILED"),
        ["NoMatchAndNoDefaults_FailsTheSwitch"] = new("""
            tasks:
              - id: s
                type: Switch
                value: nothing
                cases:
                  A:
                    - {id: a1, type: Return}
            """, "", "s", "s=FAILED", "FAILED"),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Switch_FollowsTheTable(string behaviour) => FlowableTable.Run(Cases[behaviour]);

    [Fact]
    public void Switch_OutputsTheRenderedValue_AndWhetherDefaultsRan()
    {
        var matched = FlowableTable.Run(Cases["MatchingCase_RunsItsTasksInOrder_ThenTheFlowGoesOn"]).Run("s");
        var fallback = FlowableTable.Run(Cases["NoMatchingCase_RunsDefaults"]).Run("s");

        Assert.Equal("A", matched.Outputs["value"]);
        Assert.Equal(false, matched.Outputs["defaults"]);
        Assert.Equal("Z", fallback.Outputs["value"]);
        Assert.Equal(true, fallback.Outputs["defaults"]);
    }

    [Fact]
    public void NoMatchAndNoDefaults_LogsAWarningNamingTheValue()
    {
        var simulation = FlowableTable.Run(Cases["NoMatchAndNoDefaults_FailsTheSwitch"]);

        Assert.Contains(simulation.Logs, l => l.Message.Contains("no case of task 's' matched the value 'nothing'", StringComparison.Ordinal));
    }
}
