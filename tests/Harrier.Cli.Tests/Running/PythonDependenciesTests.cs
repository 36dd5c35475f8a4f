using System.Text.Json;
using Harrier.Cli.Tests.Flows;

namespace Harrier.Cli.Tests.Running;

/// <summary>Python <c>dependencies</c> are not installed yet: the task says so in a WARN line instead of failing later on an import.</summary>
public sealed class PythonDependenciesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("harrier-deps-").FullName;

    [Fact]
    public void Dependencies_AreAnnouncedAsNotInstalled_AndTheScriptStillRuns()
    {
        var flow = Path.Combine(_directory, "deps.yml");
        File.WriteAllText(flow, """
            id: deps
            namespace: tests.deps
            tasks:
              - id: script
                type: io.kestra.plugin.scripts.python.Script
                dependencies: [requests]
                script: print("ran")
            """);

        var run = CliRun.Of("run", flow, "--json", "--logs", "--data-dir", Path.Combine(_directory, "data"));

        Assert.Equal(0, run.ExitCode);
        var logs = JsonDocument.Parse(run.Output).RootElement.GetProperty("logs").EnumerateArray().ToList();
        Assert.Contains(logs, l => l.GetProperty("level").GetString() == "WARN" && l.GetProperty("message").GetString()!.Contains("dependencies (requests) are not installed", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.GetProperty("message").GetString() == "ran");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
