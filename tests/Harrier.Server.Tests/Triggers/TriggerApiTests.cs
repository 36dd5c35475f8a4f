using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Harrier.Server.Tests.Support;

namespace Harrier.Server.Tests.Triggers;

/// <summary>Kestra's triggers API on a real server: search, enable/disable, backfills, unlock.</summary>
public sealed class TriggerApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Http => fixture.Http;

    private static string Hourly(string ns) => $$$"""
        id: nightly
        namespace: {{{ns}}}
        inputs:
          - id: slot
            type: STRING
            defaults: none
        triggers:
          - id: hourly
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "0 * * * *"
            timezone: UTC
            inputs:
              slot: "{{ trigger.date }}"
          - id: hook
            type: io.kestra.plugin.core.trigger.Webhook
            key: nightly-key
        tasks:
          - id: say
            type: io.kestra.plugin.core.log.Log
            message: "slot {{ inputs.slot }}"
        """;

    private async Task<JsonArray> RegisteredAsync(string ns, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var results = (await Http.GetJsonAsync($"triggers/search?filters[namespace][EQUALS]={ns}&size=50"))["results"]!.AsArray();
            if (results.Count >= count || DateTime.UtcNow > deadline)
            {
                return results;
            }

            await Task.Delay(100);
        }
    }

    private async Task<JsonArray> ExecutionsAsync(string ns) =>
        (await Http.GetJsonAsync($"executions/search?filters[namespace][EQUALS]={ns}&size=100&sort=state.startDate:asc"))["results"]!.AsArray();

    [Fact]
    public async Task Search_ListsEachTriggerWithItsDeclarationAndContext()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(Hourly(ns));

        var results = await RegisteredAsync(ns, 2);
        var byFlow = await Http.GetJsonAsync($"triggers/{ns}/nightly");
        var byQuery = await Http.GetJsonAsync($"triggers/search?q=hour&namespace={ns}");

        Assert.Equal(["hook", "hourly"], results.Select(r => r!["triggerContext"]!["triggerId"]!.GetValue<string>()));
        var hourly = results[1]!;
        Assert.Equal("0 * * * *", hourly["abstractTrigger"]!["cron"]!.GetValue<string>());
        Assert.False(hourly["triggerContext"]!["disabled"]!.GetValue<bool>());
        Assert.NotNull(hourly["triggerContext"]!["nextExecutionDate"]);
        Assert.Equal(2, byFlow["total"]!.GetValue<long>());
        Assert.Equal("hourly", Assert.Single(byQuery["results"]!.AsArray())!["triggerContext"]!["triggerId"]!.GetValue<string>());
    }

    [Fact]
    public async Task DisablingAWebhookThroughTheApi_MakesItsCalls404_UntilEnabledAgain()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(Hourly(ns));
        await RegisteredAsync(ns, 2);
        var key = new JsonObject { ["namespace"] = ns, ["flowId"] = "nightly", ["triggerId"] = "hook" };

        var disabled = await (await Http.PutAsJsonAsync("triggers", new JsonObject(key.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))) { ["disabled"] = true })).JsonAsync(HttpStatusCode.OK);
        var whileDisabled = await Http.PostAsync($"executions/webhook/{ns}/nightly/nightly-key", null);
        await (await Http.PutAsJsonAsync("triggers", new JsonObject(key.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))) { ["disabled"] = false })).JsonAsync(HttpStatusCode.OK);
        var enabled = await Http.PostAsync($"executions/webhook/{ns}/nightly/nightly-key", null);

        Assert.True(disabled["disabled"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NotFound, whileDisabled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
    }

    [Fact]
    public async Task ABackfill_RunsEveryMissedSlotOnce_InOrder_WithTheSlotAsTriggerDate()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(Hourly(ns));
        await RegisteredAsync(ns, 2);
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-2).AddHours(3), TimeSpan.Zero);

        var response = await Http.PutAsJsonAsync("triggers", new JsonObject
        {
            ["namespace"] = ns, ["flowId"] = "nightly", ["triggerId"] = "hourly",
            ["backfill"] = new JsonObject { ["start"] = start.ToString("O"), ["end"] = start.AddHours(4).ToString("O"), ["labels"] = new JsonArray(new JsonObject { ["key"] = "backfill", ["value"] = "yes" }) },
        });
        var context = await response.JsonAsync(HttpStatusCode.OK);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        JsonArray executions;
        while ((executions = await ExecutionsAsync(ns)).Count < 5 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        executions = await ExecutionsAsync(ns);
        var slots = executions.Select(e => DateTimeOffset.Parse(e!["inputs"]!["slot"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();

        Assert.NotNull(context["backfill"]);
        Assert.Equal(Enumerable.Range(0, 5).Select(h => start.AddHours(h)), slots);
        Assert.All(executions, e => Assert.Contains(e!["labels"]!.AsArray(), l => l!["key"]!.GetValue<string>() == "backfill"));
        var after = (await Http.GetJsonAsync($"triggers/{ns}/nightly"))["results"]!.AsArray().Single(t => t!["triggerId"]!.GetValue<string>() == "hourly")!;
        Assert.Null(after["backfill"]);
    }

    [Fact]
    public async Task BackfillMistakes_AreRefusedWithTheFieldAndTheFix()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(Hourly(ns));
        await RegisteredAsync(ns, 2);
        JsonObject Body(string trigger, JsonObject backfill) => new() { ["namespace"] = ns, ["flowId"] = "nightly", ["triggerId"] = trigger, ["backfill"] = backfill };

        var future = await Http.PutAsJsonAsync("triggers", Body("hourly", new JsonObject { ["start"] = "2020-01-01T00:00:00Z", ["end"] = DateTime.UtcNow.AddDays(3).ToString("O") }));
        var noStart = await Http.PutAsJsonAsync("triggers", Body("hourly", new JsonObject { ["end"] = "2020-01-01T00:00:00Z" }));
        var webhook = await Http.PutAsJsonAsync("triggers", Body("hook", new JsonObject { ["start"] = "2020-01-01T00:00:00Z", ["end"] = "2020-01-02T00:00:00Z" }));
        var unknown = await Http.PutAsJsonAsync("triggers", Body("nope", new JsonObject { ["start"] = "2020-01-01T00:00:00Z" }));
        var pauseNothing = await Http.PutAsJsonAsync("triggers/backfill/pause", new JsonObject { ["namespace"] = ns, ["flowId"] = "nightly", ["triggerId"] = "hourly" });

        Assert.Contains("backfill.end", (await future.JsonAsync(HttpStatusCode.UnprocessableEntity)).Json(), StringComparison.Ordinal);
        Assert.Contains("backfill.start", (await noStart.JsonAsync(HttpStatusCode.UnprocessableEntity)).Json(), StringComparison.Ordinal);
        Assert.Contains("only Schedule triggers", (await webhook.JsonAsync(HttpStatusCode.UnprocessableEntity)).Json(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("No backfill", (await pauseNothing.JsonAsync(HttpStatusCode.BadRequest)).Json(), StringComparison.Ordinal);
        Assert.Empty(await ExecutionsAsync(ns));
    }

    [Fact]
    public async Task APausedBackfill_FiresNothing_UntilUnpaused_AndADeletedOneStops()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(Hourly(ns));
        await RegisteredAsync(ns, 2);
        var key = new JsonObject { ["namespace"] = ns, ["flowId"] = "nightly", ["triggerId"] = "hourly" };
        JsonObject Key() => (JsonObject)key.DeepClone();
        var body = Key();
        // Ten years of hourly slots: far more than the scheduler fires before the pause lands (100 per pass).
        body["backfill"] = new JsonObject { ["start"] = DateTime.UtcNow.AddYears(-10).ToString("O"), ["end"] = DateTime.UtcNow.AddHours(-1).ToString("O") };
        await (await Http.PutAsJsonAsync("triggers", body)).JsonAsync(HttpStatusCode.OK);

        var paused = await (await Http.PutAsJsonAsync("triggers/backfill/pause", Key())).JsonAsync(HttpStatusCode.OK);
        await Task.Delay(TimeSpan.FromSeconds(0.5));
        var atPause = (await Http.GetJsonAsync($"executions/search?filters[namespace][EQUALS]={ns}"))["total"]!.GetValue<long>();
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var whilePaused = (await Http.GetJsonAsync($"executions/search?filters[namespace][EQUALS]={ns}"))["total"]!.GetValue<long>();
        await (await Http.PutAsJsonAsync("triggers/backfill/unpause", Key())).JsonAsync(HttpStatusCode.OK);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        long resumed;
        while ((resumed = (await Http.GetJsonAsync($"executions/search?filters[namespace][EQUALS]={ns}"))["total"]!.GetValue<long>()) <= whilePaused && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var deleted = await (await Http.PostAsJsonAsync("triggers/backfill/delete", Key())).JsonAsync(HttpStatusCode.OK);
        await Task.Delay(TimeSpan.FromSeconds(0.5));
        var atDelete = (await Http.GetJsonAsync($"executions/search?filters[namespace][EQUALS]={ns}"))["total"]!.GetValue<long>();
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var afterDelete = (await Http.GetJsonAsync($"executions/search?filters[namespace][EQUALS]={ns}"))["total"]!.GetValue<long>();

        Assert.True(paused["backfill"]!["paused"]!.GetValue<bool>());
        Assert.Equal(atPause, whilePaused);
        Assert.True(resumed > whilePaused, "the backfill did not resume");
        Assert.Null(deleted["backfill"]);
        Assert.Equal(atDelete, afterDelete);
        Assert.True(afterDelete < 24 * 365 * 10, "the whole backfill ran although it was deleted");
    }

    [Fact]
    public async Task Unlock_AnswersTheTrigger_ForItNeverStaysLocked()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(Hourly(ns));
        await RegisteredAsync(ns, 2);

        var unlocked = await (await Http.PostAsync($"triggers/{ns}/nightly/hourly/unlock", null)).JsonAsync(HttpStatusCode.OK);
        var missing = await Http.PostAsync($"triggers/{ns}/nightly/nope/unlock", null);

        Assert.Equal("hourly", unlocked["triggerId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
