using System.Diagnostics;
using Harrier.Cli.Tests.Support;
using Harrier.TestKit.Git;

namespace Harrier.Cli.Tests.Git;

/// <summary>A worker without git: the Clone task fails with a sentence that says what to install.</summary>
public sealed class GitMissingTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Clone_OnAWorkerWithoutGit_FailsWithAnInstallHint()
    {
        // The CLI runs as a real child process whose PATH has no git (this process's PATH must stay as it is).
        var emptyBin = Directory.CreateDirectory(Path.Combine(_dir.Path, "empty-bin")).FullName;
        var flow = Path.Combine(_dir.Path, "flow.yml");
        await File.WriteAllTextAsync(flow, CloneFlows.Clone("url: file:///nowhere/repo.git"));
        var startInfo = new ProcessStartInfo(ExternalTool.Require("dotnet"))
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "harrier.dll"), "run", flow, "--json", "--logs", "--data-dir", Path.Combine(_dir.Path, "data") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.Environment["PATH"] = emptyBin;
        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(budget.Token);

        var json = await output;
        Assert.True(process.ExitCode == 1, $"exit {process.ExitCode}\n{json}\n{await error}");
        Assert.Contains("\"state\":\"FAILED\"", json, StringComparison.Ordinal);
        Assert.Contains("the git executable is needed on the worker for io.kestra.plugin.git.Clone and was not found on PATH; install it (apt-get install git)", json, StringComparison.Ordinal);
    }
}
