using System.Collections;
using Harrier.Core.Metrics;
using Harrier.Scripts.Helpers;

namespace Harrier.Scripts.Tests.Support;

/// <summary>Runs a real interpreter with Harrier's helper environment and checks what the collector got.</summary>
internal static class HelperRun
{
    /// <summary>Text that needs every kind of JSON escaping: quote, backslash, control characters, non-ASCII.</summary>
    public const string Tricky = "quote \" backslash \\ tab \t newline \n ctrl \u0001 unicode é ☃ end";

    public static readonly HelperEnvironment Helpers = new();

    public static async Task<ShellRun> RunAsync(IReadOnlyList<string> argv, string workingDirectory, IReadOnlyDictionary<string, string>? extra = null)
    {
        var worker = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            worker[(string)entry.Key] = (string?)entry.Value ?? string.Empty;
        }

        var env = new Dictionary<string, string>(Helpers.BuildVariables(worker))
        {
            ["TRICKY"] = Tricky,
            ["LANG"] = "C.UTF-8",
            ["HOME"] = workingDirectory,
            ["POWERSHELL_TELEMETRY_OPTOUT"] = "1",
            ["POWERSHELL_UPDATECHECK"] = "Off",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }

        var run = await ShellRun.RunAsync(argv, workingDirectory, env);
        Assert.True(run.Result.ExitCode == 0, $"exit {run.Result.ExitCode}; logs:\n{string.Join('\n', run.Logs.Lines)}");
        return run;
    }

    /// <summary>Writes a script file and runs <c>tool [args] file</c>.</summary>
    public static async Task<ShellRun> RunScriptAsync(string tool, string fileName, string script, string workingDirectory, params string[] toolArguments)
    {
        await File.WriteAllTextAsync(Path.Combine(workingDirectory, fileName), script);
        return await RunAsync([Interpreters.Require(tool), .. toolArguments, fileName], workingDirectory);
    }

    /// <summary>The checks every helper must pass: tricky string output, counter with tags, timer, log.</summary>
    public static void AssertStandardResults(ShellRun run)
    {
        Assert.Equal(Tricky, run.Collector.Outputs["text"]);
        Assert.Equal(2L, run.Collector.Outputs["int"]);
        var counter = run.Collector.Metrics.Single(m => m.Name == "count");
        Assert.Equal((MetricType.Counter, 1.0), (counter.Type, counter.Value));
        Assert.Equal(new Dictionary<string, string> { ["tag1"] = "i", ["tag2"] = "win" }, counter.Tags);
        var fixedTimer = run.Collector.Metrics.Single(m => m.Name == "timer2");
        Assert.Equal((MetricType.Timer, 2.12), (fixedTimer.Type, fixedTimer.Value));
        var measured = run.Collector.Metrics.Single(m => m.Name == "timer1");
        Assert.True(measured.Value > 0 && measured.Value < 60, $"measured timer {measured.Value}");
        Assert.Contains((Harrier.Core.Logs.TaskLogLevel.Warn, "careful"), run.Logs.Lines);
        Assert.DoesNotContain(run.Logs.Lines, l => l.Message.StartsWith("Ignored", StringComparison.Ordinal));
    }
}
