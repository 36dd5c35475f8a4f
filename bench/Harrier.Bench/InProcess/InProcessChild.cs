using System.Text.Json;
using Harrier.Bench.Harness;
using Harrier.Bench.Processes;

namespace Harrier.Bench.InProcess;

/// <summary>Runs one <see cref="InProcessCommand"/> child of this very executable and turns its report into a measurement.</summary>
public static class InProcessChild
{
    public static Measurement Run(InProcessRequest request)
    {
        var result = ChildProcess.RunMeasured([.. SelfCommand.Argv(), .. request.ToArguments()]);
        var line = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.StartsWith('{'));
        if (!result.Succeeded || line is null)
        {
            throw new InvalidOperationException(
                $"inproc {string.Join(' ', request.ToArguments().Skip(1))} exited {result.ExitCode}: {Tail(result.Stdout + result.Stderr)}");
        }

        var report = JsonSerializer.Deserialize<InProcessReport>(line, JsonSerializerOptions.Web)!;
        return new Measurement(report.ElapsedMs, result.PeakRssKb, $"{report.LogLines:N0} log lines stored", report.LogLines);
    }

    private static string Tail(string text) => text.Length <= 2000 ? text.Trim() : "…" + text[^2000..].Trim();
}
