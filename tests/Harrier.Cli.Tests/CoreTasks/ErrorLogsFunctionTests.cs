using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.CoreTasks;

/// <summary><c>errorLogs()</c> in an <c>errors</c> branch reports what failed, as in Kestra.</summary>
public sealed class ErrorLogsFunctionTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void AnErrorsBranch_ReadsTheFailedTasksErrorLines()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: error_logs
            namespace: harrier.tests
            tasks:
              - id: fine
                type: io.kestra.plugin.core.log.Log
                message: all good so far
              - id: broken
                type: io.kestra.plugin.core.execution.Fail
                errorMessage: the source is down
            errors:
              - id: report
                type: io.kestra.plugin.core.log.Log
                message: "{{ errorLogs() | length }} error(s); first from {{ errorLogs()[0].taskId }}: {{ errorLogs()[0].message }}"
            """);

        Assert.Equal("FAILED", run.State);
        var report = Assert.Single(run.Messages("report"));
        Assert.StartsWith("1 error(s); first from broken: ", report, StringComparison.Ordinal);
        Assert.Contains("the source is down", report, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutErrors_ErrorLogsIsEmpty()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: no_error_logs
            namespace: harrier.tests
            tasks:
              - id: count
                type: io.kestra.plugin.core.log.Log
                message: "{{ errorLogs() | length }}"
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(["0"], run.Messages("count"));
    }
}
