namespace Harrier.Cli.Tests.Running;

/// <summary><c>harrier run</c> end to end: timeouts and retries (spec §11.6).</summary>
public sealed class RunCommandRetryAndTimeoutTests
{
    [Fact]
    public void Timeout_FailsTheTask_WithKestrasMessage_WithoutWaitingForTheTask()
    {
        using var runs = new FlowRuns();
        var started = TimeProvider.System.GetTimestamp();

        var result = runs.Run("""
            id: slow
            namespace: company.team
            tasks:
              - id: nap
                type: io.kestra.plugin.core.flow.Sleep
                duration: PT10S
                timeout: PT0.2S
            """);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("FAILED", result.StateOf("nap"));
        Assert.Contains("Timeout after 00:00:00.200", result.LogMessages);
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(8), "the sleep was not cut short");
    }

    [Fact]
    public void Retry_MakesMaxAttemptsAttemptsInAll_ThenFails()
    {
        using var runs = new FlowRuns();

        var result = runs.Run("""
            id: retried
            namespace: company.team
            tasks:
              - id: boom
                type: io.kestra.plugin.core.execution.Fail
                retry:
                  type: constant
                  interval: PT0.05S
                  maxAttempts: 3
            """);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("FAILED", result.StateOf("boom"));
        var attempts = result.TaskRun("boom").GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("state").GetString()).ToList();
        Assert.Equal(["FAILED", "FAILED", "FAILED"], attempts);
    }

    [Fact]
    public void WarningOnRetry_EndsWarning_WhenATaskSucceedsOnItsSecondAttempt()
    {
        using var runs = new FlowRuns();

        var result = runs.Run("""
            id: flaky
            namespace: company.team
            tasks:
              - id: flaky
                type: io.kestra.plugin.core.execution.Fail
                condition: "{{ taskrun.attemptsCount < 1 }}"
                retry:
                  type: constant
                  interval: PT0.05S
                  maxAttempts: 3
                  warningOnRetry: true
            """);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("WARNING", result.State);
        var attempts = result.TaskRun("flaky").GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("state").GetString()).ToList();
        Assert.Equal(["FAILED", "SUCCESS"], attempts);
    }

    [Fact]
    public void Retry_WithoutWarningOnRetry_EndsSuccess_AndAttemptsCountStartsAtZero()
    {
        using var runs = new FlowRuns();

        var result = runs.Run("""
            id: flaky
            namespace: company.team
            tasks:
              - id: flaky
                type: io.kestra.plugin.core.execution.Fail
                condition: "{{ taskrun.attemptsCount < 2 }}"
                retry:
                  type: exponential
                  interval: PT0.01S
                  maxInterval: PT0.05S
                  maxAttempts: 5
              - id: count
                type: io.kestra.plugin.core.debug.Return
                format: "{{ taskrun.attemptsCount }}"
            """);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("SUCCESS", result.State);
        Assert.Equal(3, result.TaskRun("flaky").GetProperty("attempts").GetArrayLength());
        Assert.Equal("0", result.OutputOf("count", "value").GetString());
    }

    [Fact]
    public void Timeout_IsPerAttempt_AndATimedOutAttemptIsRetried()
    {
        using var runs = new FlowRuns();

        var result = runs.Run("""
            id: slow
            namespace: company.team
            tasks:
              - id: nap
                type: io.kestra.plugin.core.flow.Sleep
                duration: PT10S
                timeout: PT0.1S
                retry:
                  type: constant
                  interval: PT0.01S
                  maxAttempts: 2
            """);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(2, result.TaskRun("nap").GetProperty("attempts").GetArrayLength());
        Assert.Equal(2, result.LogMessages.Count(m => m == "Timeout after 00:00:00.100"));
    }
}
