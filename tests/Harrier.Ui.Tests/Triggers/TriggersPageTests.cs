using Harrier.Ui.Tests.Support;
using Microsoft.Playwright;

namespace Harrier.Ui.Tests.Triggers;

[Collection(UiCollection.Name)]
public sealed class TriggersPageTests(UiFixture ui)
{
    [Fact]
    public async Task TriggersPage_ListsAScheduleWithItsNextSlot_AndItsSwitchDisablesItOnTheServer()
    {
        await ui.Server.Api.DeployAsync("""
            id: nightly
            namespace: ui.triggers
            triggers:
              - id: every-night
                type: io.kestra.plugin.core.trigger.Schedule
                cron: "0 2 * * *"
            tasks:
              - id: a
                type: io.kestra.plugin.core.log.Log
                message: night
            """);
        var page = await ui.NewPageAsync();
        await page.GotoAsync("/ui/triggers?q=ui.triggers");

        var row = page.Locator("[data-test=triggers] tr[data-trigger=every-night]");
        await Assertions.Expect(row).ToContainTextAsync("Schedule");
        await Assertions.Expect(row.Locator("[data-test=trigger-enabled]")).ToBeCheckedAsync();
        await row.Locator("[data-test=trigger-enabled]").UncheckAsync();

        await Assertions.Expect(page.Locator("[data-test=trigger-message]")).ToHaveTextAsync("ui.triggers.nightly: trigger every-night disabled.");
        await Assertions.Expect(row.Locator("[data-test=trigger-enabled]")).Not.ToBeCheckedAsync();
        var contexts = await ui.Server.Api.GetJsonAsync("triggers/ui.triggers/nightly");
        Assert.True(contexts["results"]![0]!["disabled"]!.GetValue<bool>(), contexts.ToJsonString());
    }

    [Fact]
    public async Task BackfillForm_FiresTheMissedSlotsOfASchedule_AndAPausedBackfillIsShownWithItsNextSlot_DeletedOrResumed()
    {
        await ui.Server.Api.DeployAsync("""
            id: hourly
            namespace: ui.backfill
            triggers:
              - id: every-hour
                type: io.kestra.plugin.core.trigger.Schedule
                cron: "0 * * * *"
            tasks:
              - id: a
                type: io.kestra.plugin.core.log.Log
                message: "{{ trigger.date }}"
            """);
        var page = await ui.NewPageAsync();
        await page.GotoAsync("/ui/triggers?q=ui.backfill");
        var row = page.Locator("[data-test=triggers] tr[data-trigger=every-hour]");

        // The last three hours: their three slots fire, and the backfill, done, is gone (the form is back).
        await BackfillThreeHoursAsync(row);
        await Assertions.Expect(page.Locator("[data-test=trigger-message]")).ToContainTextAsync("ui.backfill.hourly: trigger every-hour: backfill from");
        await WaitForExecutionsAsync(3);
        await Assertions.Expect(row.Locator("[data-test=backfill-form]")).ToBeVisibleAsync();

        // A backfill prepared paused through the API (as a script could): shown paused with its next slot; deleted, the
        // form is back; prepared again and resumed, its slots fire and it is done.
        await PausedBackfillThroughTheApiAsync();
        var progress = row.Locator("[data-test=backfill-progress]");
        await Assertions.Expect(progress).ToContainTextAsync("Backfill paused: next");
        await progress.Locator("[data-test=backfill-delete]").ClickAsync();
        await Assertions.Expect(row.Locator("[data-test=backfill-form]")).ToBeVisibleAsync();
        Assert.Null(await BackfillAsync());
        Assert.Equal(3, (await ExecutionsAsync()).Count);

        await PausedBackfillThroughTheApiAsync();
        await progress.Locator("[data-test=backfill-unpause]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=trigger-message]")).ToHaveTextAsync("ui.backfill.hourly: trigger every-hour: backfill resumed.");
        await WaitForExecutionsAsync(6);
        await Assertions.Expect(row.Locator("[data-test=backfill-form]")).ToBeVisibleAsync();
    }

    private async Task PausedBackfillThroughTheApiAsync()
    {
        var start = DateTimeOffset.UtcNow.AddHours(-3).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var body = $$$"""{"namespace": "ui.backfill", "flowId": "hourly", "triggerId": "every-hour", "backfill": {"start": "{{{start}}}", "paused": true}}""";
        using var response = await ui.Server.Api.PutAsync("triggers", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task BackfillThreeHoursAsync(ILocator row)
    {
        var now = DateTime.Now;
        await row.Locator("[data-test=backfill-start]").FillAsync(now.AddHours(-3).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await row.Locator("[data-test=backfill-end]").FillAsync(now.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await row.Locator("[data-test=backfill-submit]").ClickAsync();
    }

    private async Task<System.Text.Json.Nodes.JsonNode?> BackfillAsync() =>
        (await ui.Server.Api.GetJsonAsync("triggers/ui.backfill/hourly"))["results"]![0]!["backfill"];

    private async Task<System.Text.Json.Nodes.JsonArray> ExecutionsAsync() =>
        (await ui.Server.Api.GetJsonAsync("executions/search?filters[namespace][EQUALS]=ui.backfill&size=100"))["results"]!.AsArray();

    private async Task WaitForExecutionsAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await ExecutionsAsync()).Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"fewer than {count} backfilled executions within 30 s");
            await Task.Delay(100);
        }
    }
}
