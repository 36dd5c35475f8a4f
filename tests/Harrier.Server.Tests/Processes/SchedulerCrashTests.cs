using System.Globalization;
using Harrier.Server.Tests.Support;
using Harrier.TestKit.Support;

namespace Harrier.Server.Tests.Processes;

/// <summary>
/// <c>kill -9</c> of a real server while per-second schedules fire, then a restart on the same data directory: every slot
/// missed while it was down fires once on restart when within <c>lateMaximumDelay</c> (and is skipped when older), and no
/// slot ever fires twice — the slot and its execution are one transaction, whatever instruction the kill lands on.
/// </summary>
public sealed class SchedulerCrashTests
{
    private static string EverySecond(string id, string lateMaximumDelay) => $$$"""
        id: {{{id}}}
        namespace: crash.schedules
        inputs:
          - id: slot
            type: STRING
        triggers:
          - id: tick
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "* * * * * *"
            withSeconds: true
            lateMaximumDelay: {{{lateMaximumDelay}}}
            inputs:
              slot: "{{ trigger.date }}"
        tasks:
          - id: say
            type: io.kestra.plugin.core.log.Log
            message: "{{ inputs.slot }}"
        """;

    private static async Task<List<DateTimeOffset>> SlotsAsync(HttpClient http, string flowId) =>
        [.. (await http.GetJsonAsync($"executions/search?filters[namespace][EQUALS]=crash.schedules&filters[flowId][EQUALS]={flowId}&size=1000"))["results"]!.AsArray()
            .Select(e => DateTimeOffset.Parse(e!["inputs"]!["slot"]!.GetValue<string>(), CultureInfo.InvariantCulture)).Order()];

    [Fact]
    public async Task KillNine_BetweenSlots_ThenRestart_MissedSlotsInsideLateMaximumDelayFireOnce_OlderOnesAreSkipped()
    {
        using var folder = new TempDirectory();
        var data = folder.File("data");
        DateTimeOffset killedAt;
        using (var server = await ServerProcess.StartAsync(folder.Path, data))
        {
            await server.Http.DeployAsync(EverySecond("patient", "PT1M"));
            await server.Http.DeployAsync(EverySecond("strict", "PT0.5S"));
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while ((await SlotsAsync(server.Http, "patient")).Count < 3 || (await SlotsAsync(server.Http, "strict")).Count < 3)
            {
                Assert.True(DateTime.UtcNow < deadline, "the schedules did not fire 3 times within 30 s");
                await Task.Delay(100);
            }

            server.Process.KillHard();
            killedAt = DateTimeOffset.UtcNow;
        }

        // Down for a few slots.
        await Task.Delay(TimeSpan.FromSeconds(3));
        using var restarted = await ServerProcess.StartAsync(folder.Path, data);
        var restartedAt = DateTimeOffset.UtcNow;
        var until = DateTime.UtcNow.AddSeconds(30);
        List<DateTimeOffset> patient;
        while ((patient = await SlotsAsync(restarted.Http, "patient")).Count(s => s > restartedAt.AddSeconds(1)) < 2)
        {
            Assert.True(DateTime.UtcNow < until, "the schedule did not fire again within 30 s of the restart");
            await Task.Delay(100);
        }

        var strict = await SlotsAsync(restarted.Http, "strict");
        await restarted.Http.DeleteAsync("flows/crash.schedules/patient");
        await restarted.Http.DeleteAsync("flows/crash.schedules/strict");

        // Patient: one execution per second from its first slot to its last, none twice, none missing.
        Assert.Equal(patient.Count, patient.Distinct().Count());
        var expected = Enumerable.Range(0, (int)(patient[^1] - patient[0]).TotalSeconds + 1).Select(s => patient[0].AddSeconds(s));
        Assert.Equal(expected, patient);
        // Strict: none twice, and the slots of the downtime (older than 0.5 s once a scheduler could fire them) are skipped.
        Assert.Equal(strict.Count, strict.Distinct().Count());
        var missedWhileDown = strict.Count(s => s > killedAt.AddSeconds(0.5) && s < restartedAt.AddSeconds(-1));
        Assert.Equal(0, missedWhileDown);
    }
}
