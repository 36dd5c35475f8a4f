using Harrier.Cli.Tests.Running;

namespace Harrier.Cli.Tests.Flows;

/// <summary>
/// A flow's <c>sla</c> through <c>harrier run</c>, with Kestra's behaviours: MAX_DURATION stops an execution that runs
/// too long (the executor wakes at the deadline, whatever else happens), EXECUTION_ASSERTION one whose assertion turns
/// false; FAIL ends it FAILED, CANCEL CANCELLED, NONE only labels it; the first violated SLA in flow order decides.
/// </summary>
public sealed class SlaTests
{
    private const string Sleeper = """
        id: sleeper
        namespace: tests.sla
        sla:
          - id: quick
            type: MAX_DURATION
            behavior: BEHAVIOR
            duration: PT0.5S
            labels:
              sla: late
        tasks:
          - id: nap
            type: io.kestra.plugin.scripts.shell.Commands
            commands:
              - sleep 20
          - id: after
            type: io.kestra.plugin.core.log.Log
            message: never
        """;

    private const string Asserted = """
        id: asserted
        namespace: tests.sla
        inputs:
          - id: mode
            type: SELECT
            values: [PASS, CANCEL, LABEL, FAIL_AFTER]
            defaults: PASS
        sla:
          - id: not-cancelled
            type: EXECUTION_ASSERTION
            behavior: CANCEL
            assert: "{{ inputs.mode != 'CANCEL' }}"
          - id: labelled
            type: EXECUTION_ASSERTION
            behavior: NONE
            assert: "{{ inputs.mode != 'LABEL' }}"
            labels:
              sla: violated
          - id: output-checked
            type: EXECUTION_ASSERTION
            behavior: FAIL
            assert: "{{ (outputs.first.values.value ?? 'none') != 'bad' }}"
        tasks:
          - id: first
            type: io.kestra.plugin.core.output.OutputValues
            values:
              value: "{{ inputs.mode == 'FAIL_AFTER' ? 'bad' : 'good' }}"
          - id: second
            type: io.kestra.plugin.core.log.Log
            message: second ran
        """;

    [Theory]
    [InlineData("FAIL", "FAILED", "fails")]
    [InlineData("CANCEL", "CANCELLED", "is cancelled")]
    public void AMaxDurationSla_StopsTheExecutionAtItsDeadline_EndingAsItsBehaviourSays_WithItsLabels(string behavior, string state, string verb)
    {
        using var runs = new FlowRuns();

        var result = runs.Run(Sleeper.Replace("BEHAVIOR", behavior, StringComparison.Ordinal));

        Assert.Equal(state, result.State);
        Assert.Equal("KILLED", result.StateOf("nap"));
        Assert.DoesNotContain(result.TaskRuns, t => t.GetProperty("taskId").GetString() == "after");
        Assert.Contains(result.LogMessages, m => m.StartsWith($"SLA 'quick' violated, the execution {verb}: the execution has run for PT", StringComparison.Ordinal)
            && m.EndsWith("longer than its maximum duration of PT0.5S", StringComparison.Ordinal));
        Assert.Contains(result.Json.GetProperty("labels").EnumerateArray(), l => l.GetProperty("key").GetString() == "sla" && l.GetProperty("value").GetString() == "late");
        // Stopped at the deadline, not when the 20 s task would have ended.
        var duration = result.Json.GetProperty("endDate").GetDateTimeOffset() - result.Json.GetProperty("startDate").GetDateTimeOffset();
        Assert.True(duration < TimeSpan.FromSeconds(5), $"the execution ran {duration}");
    }

    [Fact]
    public void AMaxDurationSlaNotReached_ChangesNothing()
    {
        using var runs = new FlowRuns();

        var result = runs.Run(Sleeper.Replace("BEHAVIOR", "FAIL", StringComparison.Ordinal).Replace("PT0.5S", "PT1H", StringComparison.Ordinal).Replace("sleep 20", "true", StringComparison.Ordinal));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("SUCCESS", result.State);
        Assert.DoesNotContain(result.Json.GetProperty("labels").EnumerateArray(), l => l.GetProperty("key").GetString() == "sla");
    }

    [Fact]
    public void AnAssertionSla_FalseFromTheStart_CancelsTheExecutionBeforeAnyTaskRuns()
    {
        using var runs = new FlowRuns();

        var result = runs.Run(Asserted, "--input", "mode=CANCEL");

        Assert.Equal("CANCELLED", result.State);
        Assert.Empty(result.TaskRuns);
        Assert.Contains(result.LogMessages, m => m == "SLA 'not-cancelled' violated, the execution is cancelled: its assertion {{ inputs.mode != 'CANCEL' }} is false");
    }

    [Fact]
    public void AnAssertionSlaWithBehaviourNone_OnlyLabelsTheExecution_ThatGoesOnToSucceed()
    {
        using var runs = new FlowRuns();

        var result = runs.Run(Asserted, "--input", "mode=LABEL");

        Assert.Equal("SUCCESS", result.State);
        Assert.Equal("SUCCESS", result.StateOf("second"));
        var label = Assert.Single(result.Json.GetProperty("labels").EnumerateArray(), l => l.GetProperty("key").GetString() != "system.correlationId");
        Assert.Equal(("sla", "violated"), (label.GetProperty("key").GetString(), label.GetProperty("value").GetString()));
        Assert.Single(result.LogMessages, m => m.StartsWith("SLA 'labelled' violated: ", StringComparison.Ordinal));
    }

    [Fact]
    public void AnAssertionSlaOnOutputs_FailsTheExecutionOnceATaskOutputMakesItFalse()
    {
        using var runs = new FlowRuns();

        var good = runs.Run(Asserted);
        var bad = runs.Run(Asserted, "--input", "mode=FAIL_AFTER");

        Assert.Equal("SUCCESS", good.State);
        Assert.Equal("FAILED", bad.State);
        Assert.Equal("SUCCESS", bad.StateOf("first"));
        Assert.DoesNotContain(bad.TaskRuns, t => t.GetProperty("taskId").GetString() == "second");
        Assert.Contains(bad.LogMessages, m => m.StartsWith("SLA 'output-checked' violated, the execution fails: its assertion", StringComparison.Ordinal));
    }
}
