using System.Diagnostics;
using System.Text.Json;
using Harrier.Cli.Tests.Flows;
using Harrier.Cli.Tests.Support;
using Harrier.TestKit.Support;

namespace Harrier.Cli.Tests.Sanity;

/// <summary>
/// Harrier's own equivalents of Kestra plugin-scripts' <c>sanity-checks/all_&lt;lang&gt;.yaml</c> flows
/// (Flows/Sanity), each ending in an Assert over what the language tasks produced. JBang and Nashorn cannot be
/// installed here: their flows run in a real <c>harrier</c> process whose PATH holds the stand-ins, and once without.
/// </summary>
public sealed class SanityFlowTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("all_dotnet.yml")]
    [InlineData("all_groovy.yml")]
    [InlineData("all_jython.yml")]
    [InlineData("all_python.yml")]
    public void SanityFlow_EndsInSuccess(string file)
    {
        var run = CliRun.Of("run", Flow(file), "--json", "--logs", "--data-dir", _dir.Combine("data"));

        Assert.True(run.ExitCode == 0, $"{file}: exit {run.ExitCode}\n{run.Error}");
        Assert.Equal("SUCCESS", JsonDocument.Parse(run.Output).RootElement.GetProperty("state").GetString());
    }

    [Theory]
    [InlineData("all_nashorn.yml", "jjs")]
    [InlineData("all_jbang.yml", "jbang")]
    public async Task SanityFlow_WithTheStandIn_EndsInSuccess(string file, string tool)
    {
        var path = StandIns.Install(_dir.Combine("standins"), tool, tool == "jjs" ? StandIns.Jjs : StandIns.Jbang, Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin");

        var (exitCode, output, error) = await RunHarrierAsync(file, path);

        Assert.True(exitCode == 0, $"{file}: exit {exitCode}\n{error}");
        Assert.Equal("SUCCESS", JsonDocument.Parse(output).RootElement.GetProperty("state").GetString());
    }

    [Theory]
    [InlineData("all_nashorn.yml", "'jjs' was not found on the worker's PATH")]
    [InlineData("all_jbang.yml", "install JBang")]
    public async Task SanityFlow_WithoutTheInterpreter_FailsNamingWhatToInstall(string file, string hint)
    {
        var (exitCode, output, error) = await RunHarrierAsync(file, "/usr/bin:/bin");

        Assert.True(exitCode == 1, $"{file}: exit {exitCode}\n{error}");
        var logs = JsonDocument.Parse(output).RootElement.GetProperty("logs").EnumerateArray().Select(l => l.GetProperty("message").GetString()!);
        Assert.Contains(logs, m => m.Contains(hint, StringComparison.Ordinal));
    }

    private static string Flow(string file) => Path.Combine(AppContext.BaseDirectory, "Flows", "Sanity", file);

    /// <summary>The real harrier executable (built next to the tests), with its own PATH.</summary>
    private async Task<(int ExitCode, string Output, string Error)> RunHarrierAsync(string file, string path)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "harrier"), ["run", Flow(file), "--json", "--logs", "--data-dir", _dir.Combine("data")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PATH"] = path;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
