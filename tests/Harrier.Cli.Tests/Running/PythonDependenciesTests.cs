using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.Running;

/// <summary>
/// Python <c>dependencies</c> (spec §10.3) on the Process runner: installed with pip before the script, importable by it,
/// cached in internal storage for the next execution, and a failed install fails the task with pip's reasons logged.
/// </summary>
public sealed class PythonDependenciesTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Dependencies_AreInstalled_AndTheScriptImportsThem()
    {
        var wheel = LocalWheel.Create(_dir.Path, "harrier_demo_pkg", "VALUE = 'from-a-wheel'\n");

        var run = FlowRun.Of(_dir.Path, Flow(wheel, cache: false));

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Contains("value is from-a-wheel", run.Messages("script"));
        Assert.Contains(Metrics(run), name => name == "deps.install.duration");
        Assert.DoesNotContain(Metrics(run), name => name.StartsWith("deps.cache", StringComparison.Ordinal));
    }

    [Fact]
    public void SecondExecution_RestoresTheCachedPackages_InsteadOfInstalling()
    {
        var wheel = LocalWheel.Create(_dir.Path, "harrier_cached_pkg", "VALUE = 'cached'\n");
        var first = FlowRun.Of(_dir.Path, Flow(wheel, cache: true, package: "harrier_cached_pkg"));
        // Gone from disk: only the cache can provide the package now.
        File.Delete(wheel);

        var second = FlowRun.Of(_dir.Path, Flow(wheel, cache: true, package: "harrier_cached_pkg"));

        Assert.True(first.ExitCode == 0, first.Describe);
        Assert.Contains(Metrics(first), name => name == "deps.cache.upload.duration");
        Assert.True(second.ExitCode == 0, second.Describe);
        Assert.Contains("value is cached", second.Messages("script"));
        Assert.Contains(Metrics(second), name => name == "deps.cache.download.duration");
        Assert.DoesNotContain(Metrics(second), name => name == "deps.install.duration");
    }

    [Fact]
    public void FailedInstall_FailsTheTask_WithPipsReasonLogged()
    {
        var run = FlowRun.Of(_dir.Path, Flow(Path.Combine(_dir.Path, "missing-1.0-py3-none-any.whl"), cache: false));

        Assert.Equal("FAILED", run.StateOf("script"));
        Assert.Contains(run.Logs, l => l.TaskId == "script" && l.Level == "ERROR" && l.Message.Contains("with pip failed with exit code", StringComparison.Ordinal));
        Assert.Contains(run.Logs, l => l.TaskId == "script" && l.Level == "WARN" && l.Message.Contains("missing-1.0-py3-none-any.whl", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Logs, l => l.TaskId == "script" && l.Message.StartsWith("value is", StringComparison.Ordinal));
    }

    private static string Flow(string wheel, bool cache, string package = "harrier_demo_pkg") => $"""
        id: deps
        namespace: tests.deps
        tasks:
          - id: script
            type: io.kestra.plugin.scripts.python.Script
            dependencies: ["{wheel}"]
            dependencyCacheEnabled: {(cache ? "true" : "false")}
            script: |
              import {package}
              print("value is " + {package}.VALUE)
        """;

    private static IReadOnlyList<string> Metrics(FlowRun run) =>
        [.. run.Run("script").GetProperty("metrics").EnumerateArray().Select(m => m.GetProperty("name").GetString()!)];
}
