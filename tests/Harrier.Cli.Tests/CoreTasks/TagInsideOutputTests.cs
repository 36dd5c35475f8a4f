using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.CoreTasks;

/// <summary>A <c>{% %}</c> tag inside a <c>{{ }}</c> output loads, as in Kestra, and fails the task that renders it.</summary>
public sealed class TagInsideOutputTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void TheFlowLoads_AndTheTaskFailsAtRunTime_NamingTheProperty()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: tag_inside_output
            namespace: harrier.tests
            tasks:
              - id: check
                type: io.kestra.plugin.core.flow.If
                condition: "{{ true and {% if true %}1{% endif %} == '1' }}"
                then:
                  - id: never
                    type: io.kestra.plugin.core.log.Log
                    message: never
            """);

        Assert.Equal("FAILED", run.State);
        Assert.Empty(run.RunsOf("never"));
        Assert.Contains(run.Logs, l => l.TaskId == "check" && l.Level == "ERROR" && l.Message.StartsWith("condition of task 'check' could not be evaluated", StringComparison.Ordinal));
    }
}
