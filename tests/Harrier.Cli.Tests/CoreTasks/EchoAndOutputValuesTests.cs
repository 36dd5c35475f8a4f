using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.CoreTasks;

/// <summary>Kestra's <c>debug.Echo</c> and <c>output.OutputValues</c> in real flows.</summary>
public sealed class EchoAndOutputValuesTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void OutputValues_RendersEveryTextToText_KeepsLiteralTypes_AndLaterTasksReadThemUnderValues()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: output_values
            namespace: harrier.tests
            tasks:
              - id: values
                type: io.kestra.plugin.core.output.OutputValues
                values:
                  name: "run {{ 1 + 1 }}"
                  count: "{{ 40 + 2 }}"
                  literal: 7
                  nested:
                    list: [a, "{{ 'b' | upper }}"]
              - id: echo
                type: io.kestra.plugin.core.debug.Echo
                level: WARN
                format: "{{ outputs.values.values.name }} / {{ outputs.values.values.count == '42' }} {{ outputs.values.values.literal + 1 }} / {{ outputs.values.values.nested.list[1] }}"
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        var values = run.Run("values").GetProperty("outputs").GetProperty("values");
        Assert.Equal("run 2", values.GetProperty("name").GetString());
        // Kestra renders a map's texts to text: a comparison with '42' holds, as in Kestra's WaitFor flows.
        Assert.Equal("42", values.GetProperty("count").GetString());
        Assert.Equal(7, values.GetProperty("literal").GetInt64());
        Assert.Equal(["a", "B"], values.GetProperty("nested").GetProperty("list").EnumerateArray().Select(v => v.GetString()));
        Assert.Contains(run.Logs, l => l.TaskId == "echo" && l.Level == "WARN" && l.Message == "run 2 / true 8 / B");
    }

    [Fact]
    public void Echo_WithAnUnknownLevel_FailsNamingIt()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: echo_bad
            namespace: harrier.tests
            tasks:
              - id: echo
                type: io.kestra.plugin.core.debug.Echo
                level: LOUD
                format: hi
            """);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("LOUD", run.Output + run.Error, StringComparison.Ordinal);
    }
}
