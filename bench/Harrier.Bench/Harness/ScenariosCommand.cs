using System.Globalization;
using System.Runtime.InteropServices;
using Harrier.Bench.Processes;
using Harrier.Bench.Scenarios;

namespace Harrier.Bench.Harness;

/// <summary>
/// <c>Harrier.Bench scenarios [--quick] --harrier PATH --results DIR [--only ID,ID] [--repetitions N]</c>:
/// runs the scenarios, prints the table, writes the result files. Exit 1 when any scenario failed
/// (crashed, or lost data); speed never fails a run.
/// </summary>
public static class ScenariosCommand
{
    public static int Run(IReadOnlyList<string> args)
    {
        var settings = Parse(args);
        var runner = new ScenarioRunner(settings, Console.Error);
        var results = new List<ScenarioResult>();
        try
        {
            foreach (var scenario in ScenarioCatalog.Create(settings).Where(s => settings.Only.Count == 0 || settings.Only.Contains(s.Id)))
            {
                Console.Error.WriteLine($"{scenario.Title}…");
                results.Add(runner.Run(scenario));
            }
        }
        finally
        {
            Distributed.BenchPostgres.StopIfStarted();
            if (Directory.Exists(settings.WorkDirectory))
            {
                Directory.Delete(settings.WorkDirectory, recursive: true);
            }
        }

        var report = new BenchReport
        {
            Date = DateTimeOffset.UtcNow,
            Commit = Commit(),
            Machine = Machine(),
            Quick = settings.Quick,
            Partial = settings.Only.Count > 0,
            Scenarios = results,
        };
        Console.WriteLine();
        Console.Write(ReportTable.Text(report));
        foreach (var file in ReportFiles.Write(report, settings.ResultsDirectory))
        {
            Console.Error.WriteLine($"wrote {file}");
        }

        var failed = results.Where(r => r.Error is not null).ToList();
        failed.ForEach(r => Console.Error.WriteLine($"scenario {r.Id} failed: {r.Error}"));
        return failed.Count == 0 ? 0 : 1;
    }

    private static BenchSettings Parse(IReadOnlyList<string> args)
    {
        string? Value(string name)
        {
            var index = args.ToList().IndexOf(name);
            return index >= 0 && index + 1 < args.Count ? args[index + 1] : null;
        }

        return new BenchSettings
        {
            Quick = args.Contains("--quick"),
            HarrierPath = Value("--harrier") ?? throw new ArgumentException("--harrier PATH (the published harrier executable) is required."),
            ResultsDirectory = Value("--results") ?? "bench/results",
            Only = Value("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [],
            Repetitions = Value("--repetitions") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 5,
        };
    }

    private static string Commit()
    {
        try
        {
            var result = ChildProcess.RunCaptured(["git", "rev-parse", "--short", "HEAD"]);
            return result.Succeeded ? result.Stdout.Trim() : "unknown";
        }
        catch (InvalidOperationException)
        {
            return "unknown";
        }
    }

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{Environment.ProcessorCount} cores{(cpu is null ? "" : $" ({cpu})")}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }
}
