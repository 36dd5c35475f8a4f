using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.Asserts;

public sealed class AssertFlowTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Assert_Passes_WhenEveryConditionRendersTrue_AndCountsThem()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: assert_ok
            namespace: harrier.tests
            tasks:
              - id: make
                type: io.kestra.plugin.core.debug.Return
                format: ok
              - id: assert
                type: io.kestra.plugin.core.execution.Assert
                conditions:
                  - "{{ outputs.make.value == 'ok' }}"
                  - "{{ 1 + 1 == 2 }}"
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        var metrics = run.Run("assert").GetProperty("metrics").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("value").GetDouble());
        Assert.Equal((2.0, 0.0), (metrics["success"], metrics["failed"]));
    }

    [Fact]
    public void Assert_Fails_LoggingEveryFalseOrBrokenCondition_WithTheErrorMessage()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: assert_fail
            namespace: harrier.tests
            tasks:
              - id: assert
                type: io.kestra.plugin.core.execution.Assert
                errorMessage: the data is wrong
                conditions:
                  - "{{ 1 + 1 == 3 }}"
                  - "{{ 2 > 1 }}"
                  - "{{ outputs.nothing.value == 1 }}"
            """);

        Assert.Equal("FAILED", run.State);
        var messages = run.Messages("assert");
        Assert.Contains("Assertion `{{ 1 + 1 == 3 }}` failed!", messages);
        Assert.Contains(messages, m => m.StartsWith("Assertion `{{ outputs.nothing.value == 1 }}` failed, failed to render", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("2 assertions failed!\nthe data is wrong", StringComparison.Ordinal));
    }
}
