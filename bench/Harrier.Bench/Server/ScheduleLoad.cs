using System.Globalization;
using System.Text.Json.Nodes;

namespace Harrier.Bench.Server;

/// <summary>
/// Many flows with a per-second schedule on one server: from the moment every trigger is registered, for a window of
/// whole seconds, every slot must fire exactly once; each execution's delay is its creation minus its slot. The server's
/// CPU over the window is divided by the slots fired (running the executions' one Log task included: the scheduler alone
/// cannot be told apart from the process it runs in).
/// </summary>
public static class ScheduleLoad
{
    public const string Namespace = "harrier.bench.schedules";

    public sealed record Result(IReadOnlyList<double> DelaysMs, int Expected, int Fired, int Duplicates, TimeSpan Cpu, long PeakRssKb);

    private static string Flow(int index) => $$$"""
        id: tick-{{{index}}}
        namespace: {{{Namespace}}}
        triggers:
          - id: every-second
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "* * * * * *"
            withSeconds: true
            timezone: UTC
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: tick
        """;

    public static async Task<Result> RunAsync(string harrierPath, string dataDirectory, int flows, int seconds)
    {
        using var server = await BenchServer.StartAsync(harrierPath, dataDirectory);
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) <= flows)
            {
                await ServerFlows.DeployAsync(server.Http, Flow(index));
            }
        })));
        while (Total(await server.Http.GetStringAsync($"triggers/search?filters[namespace][EQUALS]={Namespace}&size=1")) < flows)
        {
            await Task.Delay(100);
        }

        // The window: whole seconds, starting at the second after next (every trigger is scheduled by then).
        var now = DateTimeOffset.UtcNow;
        var from = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddSeconds(2);
        var to = from.AddSeconds(seconds);
        await Task.Delay(from - DateTimeOffset.UtcNow);
        var cpuBefore = server.CpuTime();
        await Task.Delay(to - DateTimeOffset.UtcNow);
        var cpu = server.CpuTime() - cpuBefore;
        // Executions created later than this count as missed; they and the later slots stay out of the pages, so the pages
        // do not shift while the schedules keep firing.
        var cutoff = to.AddSeconds(3);
        await Task.Delay(cutoff - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(0.5));

        var delays = new List<double>();
        var seen = new HashSet<(string Flow, DateTimeOffset Slot)>();
        var duplicates = 0;
        for (var page = 1; ; page++)
        {
            var results = JsonNode.Parse(await server.Http.GetStringAsync(
                $"executions/search?filters[namespace][EQUALS]={Namespace}&filters[startDate][LESS_THAN]={Uri.EscapeDataString(cutoff.ToString("O"))}" +
                $"&sort=state.startDate:asc&size=10000&page={page}"))!["results"]!.AsArray();
            foreach (var execution in results)
            {
                var slot = DateTimeOffset.Parse(execution!["trigger"]!["variables"]!["date"]!.GetValue<string>(), CultureInfo.InvariantCulture);
                if (slot < from || slot >= to)
                {
                    continue;
                }

                if (!seen.Add((execution["flowId"]!.GetValue<string>(), slot)))
                {
                    duplicates++;
                    continue;
                }

                var created = execution["state"]!["histories"]![0]!["date"]!.GetValue<DateTimeOffset>();
                delays.Add((created - slot).TotalMilliseconds);
            }

            if (results.Count < 10000)
            {
                break;
            }
        }

        return new Result(delays, flows * seconds, seen.Count, duplicates, cpu, server.MemoryKb().Peak);
    }

    private static long Total(string page) => JsonNode.Parse(page)!["total"]!.GetValue<long>();
}
