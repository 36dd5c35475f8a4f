using System.Globalization;
using System.Text.Json.Nodes;
using Harrier.TestKit.Support;
using Xunit;
using Xunit.Abstractions;

namespace Harrier.Persistence.Postgres.Tests.Server;

/// <summary>
/// Two <c>server scheduler</c> processes on one PostgreSQL database firing one per-second Schedule: each slot fires
/// exactly once while both run (the trigger's state and its execution are one compare-and-set write), and when one is
/// killed with SIGKILL the other goes on firing every slot — none missed, none twice.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SchedulerLossTests(PostgresCluster cluster, ITestOutputHelper output)
{
    private const string Flow = """
        id: ticking
        namespace: pg.schedulers
        inputs:
          - id: slot
            type: STRING
        triggers:
          - id: tick
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "* * * * * *"
            withSeconds: true
            inputs:
              slot: "{{ trigger.date }}"
        tasks:
          - id: say
            type: io.kestra.plugin.core.log.Log
            message: "slot {{ inputs.slot }}"
        """;

    [Fact]
    public async Task TwoSchedulers_FireEachSlotOnce_AndWhenOneIsKilledTheOtherFiresEverySlotAfter()
    {
        using var folder = new TempDirectory();
        var config = await RoleProcess.WriteConfigAsync(folder.Path, cluster.Url(await cluster.CreateDatabaseAsync()), "PT5S");
        using var web = await RoleProcess.StartAsync(folder.Path, config, "webserver");
        using var executor = await RoleProcess.StartAsync(folder.Path, config, "executor");
        using var worker = await RoleProcess.StartAsync(folder.Path, config, "worker");
        using var first = await RoleProcess.StartAsync(folder.Path, config, "scheduler");
        using var second = await RoleProcess.StartAsync(folder.Path, config, "scheduler");
        await web.DeployAsync(Flow);

        await WaitForExecutionsAsync(web, 4);
        first.Process.KillHard();
        var killedAt = DateTimeOffset.UtcNow;
        await WaitForExecutionsAsync(web, (await SlotsAsync(web)).Count + 5);
        using (await web.Http.DeleteAsync("flows/pg.schedulers/ticking"))
        {
        }

        var slots = await SlotsAsync(web);
        output.WriteLine($"{slots.Count} slots fired, {slots.Count(s => s > killedAt)} after the kill at {killedAt:O}");
        Assert.Equal(slots.Count, slots.Distinct().Count());
        // Every second from the first slot to the last fired once: the survivor fired the slots the dead one would have.
        var seconds = (int)(slots[^1] - slots[0]).TotalSeconds + 1;
        Assert.Equal(seconds, slots.Count);
        Assert.True(slots.Count(s => s > killedAt.AddSeconds(1)) >= 3, "the surviving scheduler fired fewer than 3 slots after the kill");
    }

    /// <summary>The trigger dates of the flow's executions, oldest first.</summary>
    private static async Task<List<DateTimeOffset>> SlotsAsync(RoleProcess web)
    {
        var page = JsonNode.Parse(await web.Http.GetStringAsync("executions/search?filters[namespace][EQUALS]=pg.schedulers&size=1000"))!;
        return [.. page["results"]!.AsArray()
            .Select(e => DateTimeOffset.Parse(e!["inputs"]!["slot"]!.GetValue<string>(), CultureInfo.InvariantCulture))
            .Order()];
    }

    private static async Task WaitForExecutionsAsync(RoleProcess web, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((await SlotsAsync(web)).Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"fewer than {count} scheduled executions within 60 s");
            await Task.Delay(100);
        }
    }
}
