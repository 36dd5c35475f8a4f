using System.Collections;
using System.Diagnostics;
using Harrier.Core.Logs;
using Harrier.Scripts.Dotnet;
using Harrier.Scripts.Execution;
using Harrier.Scripts.Languages;
using Harrier.Scripts.Runners.Process;
using Harrier.Scripts.Tests.Support;

namespace Harrier.Scripts.Tests.Dotnet;

/// <summary>C# Script tasks for real: translation, dotnet build, the cache, the helper, exit codes, missing SDK.</summary>
public sealed class CSharpScriptTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TempDirectory _cache = new();
    private readonly RecordingLogSink _logs = new();
    private readonly Dictionary<string, string> _worker = WorkerEnvironment();

    public void Dispose()
    {
        _dir.Dispose();
        _cache.Dispose();
    }

    [Fact]
    public async Task CSharpScript_PrintsItsLine_AndRunsInTheWorkingDirectory()
    {
        var result = await RunAsync("Console.WriteLine(\"Hello from Kestra!\");\nFile.WriteAllText(\"result.txt\", \"hello from dotnet\");");

        Assert.True(result.ExitCode == 0, Describe(result));
        Assert.Single(_logs.At(TaskLogLevel.Info), "Hello from Kestra!");
        Assert.Equal("hello from dotnet", await File.ReadAllTextAsync(Path.Combine(_dir.Path, "result.txt")));
    }

    [Fact]
    public async Task CSharpScript_IsBuiltOnce_ThenStartsFromTheCache()
    {
        const string script = "Console.WriteLine(Args.Count);";
        await RunAsync(script);
        _logs.Lines.Clear();

        var started = Stopwatch.GetTimestamp();
        var second = await RunAsync(script);
        var elapsed = Stopwatch.GetElapsedTime(started);

        Assert.Equal(0, second.ExitCode);
        Assert.Equal(["0"], _logs.At(TaskLogLevel.Info));
        Assert.DoesNotContain(_logs.Lines, l => l.Message.StartsWith("Compiled", StringComparison.Ordinal));
        Assert.True(elapsed < TimeSpan.FromSeconds(3), $"a cached C# script took {elapsed}");
    }

    [Fact]
    public async Task CSharpScript_UsesTheHelper_ForOutputsMetricsAndLogs()
    {
        var script = """
            Harrier.Outputs(new Dictionary<string, object> { ["text"] = Environment.GetEnvironmentVariable("TRICKY")!, ["int"] = 2 });
            Harrier.Counter("count", 1, new { tag1 = "i", tag2 = "win" });
            Harrier.Timer("timer1", () => Thread.Sleep(5));
            Harrier.Timer("timer2", 2.12);
            Harrier.Log("warn", "careful");
            """;

        var result = await RunAsync(script, new Dictionary<string, string> { ["TRICKY"] = HelperRun.Tricky });

        Assert.True(result.ExitCode == 0, Describe(result));
        Assert.Equal(HelperRun.Tricky, result.Vars["text"]);
        Assert.Equal(2L, result.Vars["int"]);
        Assert.Equal(new Dictionary<string, string> { ["tag1"] = "i", ["tag2"] = "win" }, result.Metrics.Single(m => m.Name == "count").Tags);
        Assert.Equal(2.12, result.Metrics.Single(m => m.Name == "timer2").Value);
        Assert.True(result.Metrics.Single(m => m.Name == "timer1").Value > 0);
        Assert.Contains((TaskLogLevel.Warn, "careful"), _logs.Lines);
    }

    [Fact]
    public async Task CSharpScript_WithANugetReference_RestoresThePackage()
    {
        // Newtonsoft.Json is served by the NuGet copy these machines reach (and is in the local package cache).
        var script = "#r \"nuget: Newtonsoft.Json, 13.0.3\"\nusing Newtonsoft.Json;\nConsole.WriteLine(JsonConvert.SerializeObject(new { message = \"Hello from NuGet\" }));";

        var result = await RunAsync(script);

        Assert.True(result.ExitCode == 0, Describe(result));
        Assert.Contains("{\"message\":\"Hello from NuGet\"}", _logs.At(TaskLogLevel.Info));
    }

    [Fact]
    public async Task CSharpScript_ThatThrows_FailsWithANonZeroExitCode()
    {
        var result = await RunAsync("throw new Exception(\"deliberate failure\");");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(_logs.Lines, l => l.Level == TaskLogLevel.Error && l.Message.Contains("deliberate failure", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CSharpScript_ExitCodeIsTheScripts()
    {
        var result = await RunAsync("return 3;");

        Assert.Equal(3, result.ExitCode);
    }

    [Fact]
    public async Task CSharpScript_ThatDoesNotCompile_FailsWithTheErrorOnTheScriptsLine()
    {
        var result = await RunAsync("// line 1\nConsole.WriteLine(undefinedName);");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("The C# script did not compile", result.Failure, StringComparison.Ordinal);
        Assert.Contains(_logs.Lines, l => l.Level == TaskLogLevel.Error && l.Message.Contains("script.csx(2,", StringComparison.Ordinal) && l.Message.Contains("CS0103", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CSharpScript_WithoutTheSdk_FailsAtOnce_NamingWhatToInstall()
    {
        _worker["PATH"] = "/nonexistent";

        var result = await RunAsync("Console.WriteLine(1);");

        Assert.Equal(127, result.ExitCode);
        Assert.Contains("install the .NET 10 SDK", result.Failure, StringComparison.Ordinal);
    }

    private async Task<ScriptRunResult> RunAsync(string script, IReadOnlyDictionary<string, string>? environment = null)
    {
        var runner = new ScriptRunner(new ProcessTaskRunner(), HelperRun.Helpers, ScriptTask.Python, _worker) { CSharpBuilds = new CSharpScriptBuilds(_cache.Path) };
        var request = new ScriptRunRequest(new DotnetLanguage(), IsCommandsTask: false, _dir.Path) { Script = script, Environment = environment ?? new Dictionary<string, string>() };
        return await runner.RunAsync(request, _logs, CancellationToken.None);
    }

    private string Describe(ScriptRunResult result) => $"exit {result.ExitCode} {result.Failure}\n{string.Join('\n', _logs.Lines)}";

    private static Dictionary<string, string> WorkerEnvironment()
    {
        var worker = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            worker[(string)entry.Key] = (string?)entry.Value ?? string.Empty;
        }

        worker["PATH"] = Interpreters.SearchPath;
        return worker;
    }
}
