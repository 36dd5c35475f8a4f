using System.Text.Json.Nodes;
using Harrier.Server.Tests.Support;

namespace Harrier.Server.Tests.Triggers;

/// <summary>A deployed flow's Schedule trigger fires on a real server, once per slot, with the slot as trigger.date.</summary>
public sealed class ScheduleTriggerTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Http => fixture.Http;

    private static string EverySecond(string ns, bool disabled = false) => $$$"""
        id: ticking
        namespace: {{{ns}}}
        inputs:
          - id: slot
            type: STRING
        triggers:
          - id: tick
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "* * * * * *"
            withSeconds: true
            disabled: {{{(disabled ? "true" : "false")}}}
            inputs:
              slot: "{{ trigger.date }}"
            labels:
              source: schedule
        tasks:
          - id: say
            type: io.kestra.plugin.core.log.Log
            message: "slot {{ inputs.slot }}"
        """;

    private async Task<JsonArray> ExecutionsAsync(string ns) =>
        (await Http.GetJsonAsync($"executions/search?filters[namespace][EQUALS]={ns}&size=100"))["results"]!.AsArray();

    [Fact]
    public async Task APerSecondSchedule_StartsOneExecutionPerSlot_WithTheSlotAsTriggerDate()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(EverySecond(ns));

        var deadline = DateTime.UtcNow.AddSeconds(20);
        JsonArray executions;
        do
        {
            await Task.Delay(250);
            executions = await ExecutionsAsync(ns);
        }
        while (executions.Count < 3 && DateTime.UtcNow < deadline);
        await Http.DeleteAsync($"flows/{ns}/ticking");

        Assert.True(executions.Count >= 3, $"only {executions.Count} executions in 20 s");
        var slots = executions.Select(e => e!["inputs"]!["slot"]!.GetValue<string>()).ToList();
        Assert.Equal(slots.Count, slots.Distinct().Count());
        Assert.All(slots, s => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$", s));
        Assert.All(executions, e => Assert.Contains(e!["labels"]!.AsArray(), l => l!["key"]!.GetValue<string>() == "source" && l["value"]!.GetValue<string>() == "schedule"));
    }

    [Fact]
    public async Task ADisabledSchedule_StartsNothing()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(EverySecond(ns, disabled: true));

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        await Http.DeleteAsync($"flows/{ns}/ticking");

        Assert.Empty(await ExecutionsAsync(ns));
    }
}
