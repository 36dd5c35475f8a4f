using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.Running;

/// <summary><c>harrier run</c> end to end: the variables expressions see, and flow outputs.</summary>
public sealed class RunCommandExpressionTests
{
    [Fact]
    public void Expressions_SeeVarsLabelsInputsFlowExecutionTaskAndTaskRun_AndFlowOutputsAreRendered()
    {
        using var runs = new FlowRuns();

        var result = runs.Run("""
            id: expressions
            namespace: company.team
            labels:
              team: data
            variables:
              greeting: Hello
            inputs:
              - id: name
                type: STRING
                defaults: World
            tasks:
              - id: who
                type: io.kestra.plugin.core.debug.Return
                format: "{{ vars.greeting }} {{ inputs.name }} from {{ labels.team }}"
              - id: meta
                type: io.kestra.plugin.core.debug.Return
                format: "{{ flow.namespace }}/{{ flow.id }}/{{ task.id }}/{{ execution.id }}/{{ taskrun.id }}"
            outputs:
              - id: greeting
                type: STRING
                value: "{{ outputs.who.value }}!"
              - id: answer
                type: INT
                value: "{{ 40 + 2 }}"
            """);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Hello World from data", result.OutputOf("who", "value").GetString());
        var meta = $"company.team/expressions/meta/{result.Json.GetProperty("id").GetString()}/{result.TaskRun("meta").GetProperty("id").GetString()}";
        Assert.Equal(meta, result.OutputOf("meta", "value").GetString());
        Assert.Equal("Hello World from data!", result.Json.GetProperty("outputs").GetProperty("greeting").GetString());
        Assert.Equal(42, result.Json.GetProperty("outputs").GetProperty("answer").GetInt64());
        Assert.Equal("data", JsonLabels.Of(result.Json)["team"]);
    }

    [Fact]
    public void Envs_AreTheEnvPrefixedVariablesOfTheProcess_LowerCasedWithoutThePrefix()
    {
        using var runs = new FlowRuns();
        var name = $"HARRIER_TEST_{Guid.NewGuid():N}".ToUpperInvariant();
        Environment.SetEnvironmentVariable($"ENV_{name}", "from the environment");
        try
        {
            var result = runs.Run("""
                id: envs
                namespace: company.team
                tasks:
                  - id: env
                    type: io.kestra.plugin.core.debug.Return
                    format: "{{ envs.NAME }}"
                """.Replace("NAME", name.ToLowerInvariant(), StringComparison.Ordinal));

            Assert.Equal("from the environment", result.OutputOf("env", "value").GetString());
        }
        finally
        {
            Environment.SetEnvironmentVariable($"ENV_{name}", null);
        }
    }

    [Fact]
    public void ForEach_GivesEachIterationItsValue_KeysOutputsByValue_AndNestedLoopsSeeTheirParent()
    {
        using var runs = new FlowRuns();

        var result = runs.Run("""
            id: loops
            namespace: company.team
            tasks:
              - id: each
                type: io.kestra.plugin.core.flow.ForEach
                values: '["a", "b"]'
                concurrencyLimit: 0
                tasks:
                  - id: inner
                    type: io.kestra.plugin.core.debug.Return
                    format: "{{ taskrun.value }}{{ taskrun.iteration }}"
              - id: pick
                type: io.kestra.plugin.core.debug.Return
                format: "{{ outputs.inner['b'].value }}"
              - id: outer
                type: io.kestra.plugin.core.flow.ForEach
                values: [x, y]
                tasks:
                  - id: deeper
                    type: io.kestra.plugin.core.flow.ForEach
                    values: [x, y]
                    tasks:
                      - id: leaf
                        type: io.kestra.plugin.core.debug.Return
                        format: "{{ parent.taskrun.value }}/{{ taskrun.value }}"
              - id: matrix
                type: io.kestra.plugin.core.debug.Return
                format: "{{ outputs.leaf['x']['y'].value }} {{ outputs.leaf['y']['x'].value }}"
            """);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("a0", result.OutputOf("inner", "value", "a").GetString());
        Assert.Equal("b1", result.OutputOf("inner", "value", "b").GetString());
        Assert.Equal("b1", result.OutputOf("pick", "value").GetString());
        Assert.Equal("x/y y/x", result.OutputOf("matrix", "value").GetString());
    }

    [Fact]
    public void FlowOutputs_RenderTheExpressionsInsideAListOrAMapValue()
    {
        using var runs = new FlowRuns();

        var result = runs.Run("""
            id: nestedOutputs
            namespace: company.team
            tasks:
              - id: values
                type: io.kestra.plugin.core.output.OutputValues
                values:
                  one: first
                  two: second
            outputs:
              - id: list
                type: ARRAY
                value:
                  - "{{ outputs.values.values.one }}"
                  - "{{ outputs.values.values.two }}"
              - id: map
                type: JSON
                value:
                  a: "{{ outputs.values.values.one }}"
                  nested: ["{{ outputs.values.values.two }}", plain]
            """);

        Assert.Equal(0, result.ExitCode);
        var outputs = result.Json.GetProperty("outputs");
        Assert.Equal("""["first","second"]""", outputs.GetProperty("list").GetRawText());
        Assert.Equal("""{"a":"first","nested":["second","plain"]}""", outputs.GetProperty("map").GetRawText());
    }

    [Fact]
    public void FlowOutputs_ThatCannotBeRendered_FailTheExecution_NamingTheOutput()
    {
        using var runs = new FlowRuns();

        var result = runs.Run("""
            id: badOutput
            namespace: company.team
            tasks:
              - id: ok
                type: io.kestra.plugin.core.debug.Return
                format: fine
            outputs:
              - id: broken
                type: STRING
                value: "{{ outputs.nope.value }}"
            """);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("FAILED", result.State);
        Assert.Contains("flow output 'broken' could not be rendered", result.Json.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FlowOutputs_OfAFailedExecution_DoNotHideWhyItFailed()
    {
        using var runs = new FlowRuns();

        var result = runs.Run("""
            id: failedWithOutputs
            namespace: company.team
            tasks:
              - id: boom
                type: io.kestra.plugin.core.execution.Fail
                errorMessage: the real reason
              - id: ok
                type: io.kestra.plugin.core.debug.Return
                format: fine
            outputs:
              - id: result
                type: STRING
                value: "{{ outputs.ok.value }}"
            """);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("FAILED", result.State);
        Assert.False(result.Json.TryGetProperty("error", out _), result.Output);
        Assert.Contains("the real reason", result.LogMessages);
        Assert.Contains(result.LogMessages, m => m.Contains("flow output 'result' could not be rendered", StringComparison.Ordinal));
    }
}
