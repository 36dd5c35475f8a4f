using System.Text.Json;
using Harrier.Bench.Harness;
using Harrier.Bench.Processes;

namespace Harrier.Bench.Scenarios;

/// <summary>
/// One whole <c>harrier run FLOW --json</c> process, as a user starts it: runtime start-up, flow loading,
/// SQLite open, the execution, the JSON print and shutdown. Wall time is the harness's clock around the
/// process, which runs under GNU time for its peak RSS (that adds about a millisecond).
/// </summary>
public sealed class StartupRun(string harrierPath, string workDirectory)
{
    private readonly string _flowFile = Path.Combine(workDirectory, "startup.yml");
    // One data directory for every run: a user's .harrier exists after the first run, so later runs,
    // not the first, are the common case (the warm-up pays for creating it).
    private readonly string _dataDirectory = Path.Combine(workDirectory, "startup-data");

    public Measurement Run()
    {
        if (!File.Exists(_flowFile))
        {
            Directory.CreateDirectory(workDirectory);
            File.WriteAllText(_flowFile, BenchFlows.Create(BenchFlows.LogKind, 1));
        }

        var result = ChildProcess.RunMeasured([harrierPath, "run", _flowFile, "--json", "--data-dir", _dataDirectory]);
        var state = result.Succeeded ? ReadState(result.Stdout) : null;
        if (state != "SUCCESS")
        {
            throw new InvalidOperationException($"harrier run exited {result.ExitCode} (state {state ?? "unknown"}): {result.Stderr.Trim()}");
        }

        return new Measurement(result.Elapsed.TotalMilliseconds, result.PeakRssKb);
    }

    private static string? ReadState(string stdout)
    {
        try
        {
            using var json = JsonDocument.Parse(stdout);
            return json.RootElement.GetProperty("state").GetString();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
