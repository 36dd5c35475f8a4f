using Harrier.Core.Store;
using Harrier.Persistence.Sqlite;

namespace Harrier.Cli.Tests.Running;

/// <summary><c>harrier run</c> end to end: inputs from the command line and from a JSON file; invalid ones stop everything.</summary>
public sealed class RunCommandInputTests
{
    private const string Flow = """
        id: inputs
        namespace: company.team
        inputs:
          - id: name
            type: STRING
          - id: count
            type: INT
            min: 1
          - id: when
            type: DATE
            required: false
          - id: db.host
            type: STRING
            defaults: localhost
        tasks:
          - id: echo
            type: io.kestra.plugin.core.debug.Return
            format: "{{ inputs.name }} x{{ inputs.count }} on {{ inputs.db.host }}"
        """;

    [Fact]
    public void Inputs_GivenOnTheCommandLine_AreTypedAndNested()
    {
        using var runs = new FlowRuns();

        var result = runs.Run(Flow, "--input", "name=ann", "--input", "count=3");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("ann x3 on localhost", result.OutputOf("echo", "value").GetString());
        var inputs = result.Json.GetProperty("inputs");
        Assert.Equal(3, inputs.GetProperty("count").GetInt64());
        Assert.Equal("localhost", inputs.GetProperty("db").GetProperty("host").GetString());
    }

    [Fact]
    public void Inputs_FromAJsonFile_AreUsed_AndTheCommandLineWins()
    {
        using var runs = new FlowRuns();
        var file = runs.File("inputs.json", """{"name": "bob", "count": 2, "db.host": "db1"}""");

        var result = runs.Run(Flow, "--inputs", file, "--input", "count=5");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("bob x5 on db1", result.OutputOf("echo", "value").GetString());
    }

    [Fact]
    public async Task InvalidInputs_Exit2_WithOneMessagePerInput_AndNoExecutionIsStored()
    {
        using var runs = new FlowRuns();

        var result = runs.Run(Flow, "--input", "count=0", "--input", "when=yesterday", "--input", "nmae=x");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Single(lines, l => l.Contains("input 'name' (STRING) is required", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("input 'count' (INT): 0 is less than the minimum 1", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("input 'when' (DATE): 'yesterday' is not a date", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("warning: input 'nmae' is ignored: the flow has no such input; did you mean 'name'?", StringComparison.Ordinal));
        await using var store = await SqliteStore.OpenAsync(runs.DataDirectory, TimeProvider.System, CancellationToken.None);
        Assert.Empty(await store.Executions.ListExecutionsAsync(new ExecutionQuery(), CancellationToken.None));
    }

    [Fact]
    public void AnInputsFileThatIsNotAJsonObject_Exits2()
    {
        using var runs = new FlowRuns();
        var file = runs.File("inputs.json", "[1, 2]");

        var result = runs.Run(Flow, "--inputs", file, "--input", "name=ann", "--input", "count=1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("the file must hold a JSON object", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnInvalidFlow_Exits2_WithItsDiagnostics()
    {
        using var runs = new FlowRuns();

        var result = runs.Run("""
            id: broken
            namespace: company.team
            tasks:
              - id: a
                type: io.kestra.plugin.core.log.Lgo
                message: hi
            """);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains("Lgo", result.Error, StringComparison.Ordinal);
    }
}
