using System.Text.Json;
using Harrier.Cli.Tests.Flows;

namespace Harrier.Cli.Tests.Examples;

/// <summary>
/// Every flow in examples/ runs to SUCCESS with the real interpreters (installed by scripts/setup), except
/// Julia, which cannot be installed on these machines (documented in the README).
/// </summary>
public sealed class ExampleFlowsTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "harrier-examples-" + Guid.NewGuid().ToString("N"));

    public static TheoryData<string> Examples()
    {
        var root = Path.Combine(FlowTestFiles.RepositoryRoot(), "examples");
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.yml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative != "languages/julia.yml")
            {
                data.Add(relative);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_RunsToSuccess(string example)
    {
        var path = Path.Combine(FlowTestFiles.RepositoryRoot(), "examples", example);
        var run = CliRun.Of("run", path, "--json", "--data-dir", _dataDirectory);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.Output}\n{run.Error}");
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("SUCCESS", json.RootElement.GetProperty("state").GetString());
        Assert.All(json.RootElement.GetProperty("taskRuns").EnumerateArray(), t => Assert.Equal("SUCCESS", t.GetProperty("state").GetString()));
    }

    [Fact]
    public void PythonExample_KeepsFloatsAndMetricsFromKestrasHelper()
    {
        var path = Path.Combine(FlowTestFiles.RepositoryRoot(), "examples", "languages", "python.yml");
        var run = CliRun.Of("run", path, "--json", "--data-dir", _dataDirectory);

        using var json = JsonDocument.Parse(run.Output);
        var script = json.RootElement.GetProperty("taskRuns")[0];
        Assert.Equal(30.0, script.GetProperty("outputs").GetProperty("vars").GetProperty("average_age").GetDouble());
        Assert.Equal("30.0", script.GetProperty("outputs").GetProperty("vars").GetProperty("average_age").GetRawText());
        var metric = Assert.Single(script.GetProperty("metrics").EnumerateArray());
        Assert.Equal("rows", metric.GetProperty("name").GetString());
        Assert.Equal(3, metric.GetProperty("value").GetDouble());
        Assert.Equal("inline", metric.GetProperty("tags").GetProperty("source").GetString());
    }

    [Fact]
    public void JuliaExample_ValidatesEvenThoughJuliaCannotRunHere()
    {
        var path = Path.Combine(FlowTestFiles.RepositoryRoot(), "examples", "languages", "julia.yml");
        var run = CliRun.Of("flow", "validate", path);
        Assert.Equal(0, run.ExitCode);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
