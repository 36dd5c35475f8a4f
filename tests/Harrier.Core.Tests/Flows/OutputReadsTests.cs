using Harrier.Core.Tests.Engine;

namespace Harrier.Core.Tests.Flows;

/// <summary>A worker reads a task's outputs only when the task may read them: these say when it may.</summary>
public sealed class OutputReadsTests
{
    [Theory]
    [InlineData("message: \"{{ outputs.a.value }}\"", true)]
    [InlineData("message: \"{{ render(vars.later) }}\"", true)]
    [InlineData("message: \"{% for o in outputs %}{{ o }}{% endfor %}\"", true)]
    [InlineData("message: \"{{ inputs.name }} and nothing else\"", false)]
    [InlineData("message: the word outputs outside a template", false)]
    [InlineData("message: \"{{ taskrun.value }}\"", false)]
    public void ATemplate_ReadsOutputs_WhenItNamesOutputsOrRender(string property, bool reads)
    {
        var flow = TestFlows.Load($"tasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    {property}");

        Assert.Equal(reads, flow.FindTask("t")!.ReadsOutputs);
    }

    [Fact]
    public void CodeThatIndexesOutputs_ReadsThem_EvenOutsideATemplate()
    {
        var flow = TestFlows.Load("tasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: \"def x = outputs.make.outputFiles\"");

        Assert.True(flow.FindTask("t")!.ReadsOutputs);
    }

    [Fact]
    public void AFlowable_ReadsOutputs_WhenOneOfItsChildrenDoes()
    {
        var flow = TestFlows.Load("""
            tasks:
              - id: seq
                type: io.kestra.plugin.core.flow.Sequential
                tasks:
                  - id: quiet
                    type: io.kestra.plugin.core.log.Log
                    message: hi
                  - id: loud
                    type: io.kestra.plugin.core.log.Log
                    message: "{{ outputs.quiet }}"
            """);

        Assert.True(flow.FindTask("seq")!.ReadsOutputs);
        Assert.False(flow.FindTask("quiet")!.ReadsOutputs);
    }
}
