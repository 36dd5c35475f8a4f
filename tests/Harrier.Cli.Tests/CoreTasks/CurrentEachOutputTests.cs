using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.CoreTasks;

/// <summary><c>currentEachOutput()</c> reads a sibling's outputs in the ForEach iteration being rendered, at any depth.</summary>
public sealed class CurrentEachOutputTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void InNestedForEach_ASiblingsOutputIsTheCurrentIterations()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: current_each
            namespace: harrier.tests
            tasks:
              - id: outer
                type: io.kestra.plugin.core.flow.ForEach
                values: [a, b]
                tasks:
                  - id: inner
                    type: io.kestra.plugin.core.flow.ForEach
                    values: ["1", "2"]
                    tasks:
                      - id: make
                        type: io.kestra.plugin.core.debug.Return
                        format: "{{ parent.taskrun.value }}{{ taskrun.value }}"
                      - id: step
                        type: io.kestra.plugin.core.flow.Sequential
                        tasks:
                          - id: use
                            type: io.kestra.plugin.core.debug.Return
                            format: "got {{ currentEachOutput(outputs.make).value }}"
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(["got a1", "got a2", "got b1", "got b2"], run.RunsOf("use").Select(r => r.GetProperty("outputs").GetProperty("value").GetString()).Order());
    }
}
