using System.Text.RegularExpressions;
using Harrier.Ui.Tests.Support;
using Microsoft.Playwright;

namespace Harrier.Ui.Tests.Flows;

[Collection(UiCollection.Name)]
public sealed class FlowTabsTests(UiFixture ui)
{
    /// <summary>A flow with one Log task, under <paramref name="ns"/>.</summary>
    private static string Hello(string ns) => $"""
        id: hello
        namespace: {ns}
        tasks:
          - id: say
            type: io.kestra.plugin.core.log.Log
            message: hi
        """;

    [Fact]
    public async Task ExecutionsTab_HasItsOwnUrl_ListsOnlyThisFlowsExecutionsNewestFirst_WithStateColoursAndLinks_AndShowsANewOneByItself()
    {
        await ui.Server.Api.DeployAsync(Hello("ui.tabs"));
        // The same flow id one namespace down: its executions are not this flow's.
        await ui.Server.Api.DeployAsync(Hello("ui.tabs.sub"));
        var older = await ui.Server.Api.ExecuteAsync("ui.tabs", "hello", wait: true);
        var newer = await ui.Server.Api.ExecuteAsync("ui.tabs", "hello", wait: true);
        await ui.Server.Api.ExecuteAsync("ui.tabs.sub", "hello", wait: true);
        var page = await ui.NewPageAsync();
        await page.GotoAsync("/ui/flows/ui.tabs/hello");

        await page.Locator("[data-test=tab-executions]").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/ui/flows/ui.tabs/hello/executions$"));
        var rows = page.Locator("[data-test=executions] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        Assert.Equal([newer.Id(), older.Id()], await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.id)"));
        await Assertions.Expect(rows.First.Locator("[data-test=state]")).ToHaveClassAsync(new Regex("state-success"));
        var third = await ui.Server.Api.ExecuteAsync("ui.tabs", "hello", wait: true);
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-id", third.Id());

        // Shared: opened directly, the address shows the same tab; each row links to its execution.
        var shared = await ui.NewPageAsync();
        await shared.GotoAsync("/ui/flows/ui.tabs/hello/executions");
        await Assertions.Expect(shared.Locator("[data-test=tab-executions]")).ToHaveClassAsync(new Regex("active"));
        await shared.Locator($"[data-test=executions] tr[data-id='{older.Id()}'] a").First.ClickAsync();
        await Assertions.Expect(shared).ToHaveURLAsync(new Regex($"/ui/executions/{older.Id()}$"));
    }

    [Fact]
    public async Task TriggersTab_HasItsOwnUrl_KestrasAddressLeadingThere_ShowsOnlyThisFlowsTriggers_AndItsSwitchDisablesOneOnTheServer()
    {
        await ui.Server.Api.DeployAsync("""
            id: nightly
            namespace: ui.tabs.triggers
            triggers:
              - id: every-night
                type: io.kestra.plugin.core.trigger.Schedule
                cron: "0 2 * * *"
            tasks:
              - id: a
                type: io.kestra.plugin.core.log.Log
                message: night
            """);
        await ui.Server.Api.DeployAsync("""
            id: weekly
            namespace: ui.tabs.triggers
            triggers:
              - id: every-week
                type: io.kestra.plugin.core.trigger.Schedule
                cron: "0 2 * * 1"
            tasks:
              - id: a
                type: io.kestra.plugin.core.log.Log
                message: week
            """);
        var page = await ui.NewPageAsync();
        // Kestra's address of the tab leads to Harrier's.
        await page.GotoAsync("/ui/flows/edit/ui.tabs.triggers/nightly/triggers");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/ui/flows/ui.tabs.triggers/nightly/triggers$"));
        await Assertions.Expect(page.Locator("[data-test=tab-triggers]")).ToHaveClassAsync(new Regex("active"));
        var row = page.Locator("[data-test=triggers] tr[data-trigger=every-night]");
        await Assertions.Expect(row).ToContainTextAsync("Schedule");
        await Assertions.Expect(page.Locator("[data-test=triggers] tbody tr")).ToHaveCountAsync(1);
        await row.Locator("[data-test=trigger-enabled]").UncheckAsync();

        await Assertions.Expect(page.Locator("[data-test=trigger-message]")).ToHaveTextAsync("ui.tabs.triggers.nightly: trigger every-night disabled.");
        var contexts = await ui.Server.Api.GetJsonAsync("triggers/ui.tabs.triggers/nightly");
        Assert.True(contexts["results"]![0]!["disabled"]!.GetValue<bool>(), contexts.ToJsonString());
        var weekly = await ui.Server.Api.GetJsonAsync("triggers/ui.tabs.triggers/weekly");
        Assert.False(weekly["results"]![0]!["disabled"]?.GetValue<bool>() ?? false, weekly.ToJsonString());
        // Back to the editor by its tab: the flow's own address.
        await page.Locator("[data-test=tab-editor]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/ui/flows/ui.tabs.triggers/nightly$"));
    }

    [Fact]
    public async Task SwitchingToTheExecutionsTabAndBack_KeepsAnUnsavedEdit()
    {
        await ui.Server.Api.DeployAsync(Hello("ui.tabs.edit"));
        var page = await ui.NewPageAsync();
        await page.GotoAsync("/ui/flows/ui.tabs.edit/hello");
        await Assertions.Expect(page.Locator(".monaco-editor .view-lines")).ToContainTextAsync("hi");

        await MonacoText.ReplaceAsync(page, Hello("ui.tabs.edit").Replace("message: hi", "message: edited-not-saved", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-test=save]")).ToBeEnabledAsync();
        await page.Locator("[data-test=tab-executions]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=all-executions]")).ToBeVisibleAsync();
        await page.Locator("[data-test=tab-editor]").ClickAsync();

        await Assertions.Expect(page.Locator(".monaco-editor .view-lines")).ToContainTextAsync("edited-not-saved");
        await Assertions.Expect(page.Locator("[data-test=save]")).ToBeEnabledAsync();
    }
}
