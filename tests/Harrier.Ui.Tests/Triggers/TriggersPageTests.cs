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
}
