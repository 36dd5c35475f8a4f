namespace Harrier.Cli.Tests.CoreTasks;

/// <summary>A Kestra type Harrier does not run is said to be so; a typo of one it runs gets its suggestion.</summary>
public sealed class UnimplementedTypeMessageTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("harrier-types-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Validate(string type)
    {
        var flow = Path.Combine(_directory, "flow.yml");
        File.WriteAllText(flow, $"""
            id: types
            namespace: harrier.tests
            tasks:
              - id: t
                type: {type}
            """);
        var run = Flows.CliRun.Of("flow", "validate", flow);
        Assert.NotEqual(0, run.ExitCode);
        return run.Output + run.Error;
    }

    [Theory]
    [InlineData("io.kestra.plugin.jdbc.duckdb.Query")]
    [InlineData("io.kestra.plugin.core.flow.Template")]
    public void AKestraTypeHarrierDoesNotRun_IsSaidToBeNotImplemented_WithoutAMisleadingSuggestion(string type)
    {
        var message = Validate(type);

        Assert.Contains($"Kestra's '{type}' is not implemented by Harrier", message, StringComparison.Ordinal);
        Assert.DoesNotContain("did you mean", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATypoOfAKestraTypeHarrierRuns_GetsTheSuggestion()
    {
        Assert.Contains("did you mean 'io.kestra.plugin.core.debug.Echo'?", Validate("io.kestra.plugin.core.debug.Ecoh"), StringComparison.Ordinal);
    }
}
