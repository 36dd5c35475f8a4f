using Harrier.Ui.Tests.Support;
using Microsoft.Playwright;

namespace Harrier.Ui.Tests.Executions;

[Collection(UiCollection.Name)]
public sealed class BulkActionsTests(UiFixture ui)
{
    private static ILocator Row(IPage page, string id) => page.Locator($"[data-test=executions] tr[data-id='{id}']");

    private async Task<string> StateWithinAsync(string id, string wanted, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        string state;
        while ((state = (await ui.Server.Api.GetJsonAsync($"executions/{id}")).State()) != wanted && DateTime.UtcNow < until)
        {
            await Task.Delay(200);
        }

        return state;
    }

    [Fact]
    public async Task SelectAllMatching_AfterTheWholePageIsSelected_KillsEveryMatchingExecution_OnOtherPagesToo_AndNamesTheEndedOneSkipped()
    {
        await ui.Server.Api.DeployAsync("""
            id: sleeper
            namespace: ui.bulk.query
            tasks:
              - id: wait
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - sleep 120
            """);
        await ui.Server.Api.DeployAsync("""
            id: quick
            namespace: ui.bulk.query
            tasks:
              - id: say
                type: io.kestra.plugin.core.log.Log
                message: done
            """);
        var ended = await ui.Server.Api.ExecuteAsync("ui.bulk.query", "quick", wait: true);
        var running = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            running.Add((await ui.Server.Api.ExecuteAsync("ui.bulk.query", "sleeper", wait: false)).Id());
        }

        var page = await ui.NewPageAsync();
        // Two rows a page: two of the four matching executions are not on it.
        await page.GotoAsync("/ui/executions?namespace=ui.bulk.query&size=2");
        await Assertions.Expect(page.Locator("[data-test=executions] tbody tr")).ToHaveCountAsync(2);

        await page.Locator("[data-test=select-all]").CheckAsync();
        await Assertions.Expect(page.Locator("[data-test=select-matching-banner]")).ToContainTextAsync("The 2 executions on this page are selected.");
        await page.Locator("[data-test=select-matching]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=bulk-count]")).ToHaveTextAsync("all 4 matching selected");
        await page.Locator("[data-test=bulk-kill]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=confirm]")).ToContainTextAsync("Kill all 4 matching execution(s)?");
        await page.Locator("[data-test=confirm-yes]").ClickAsync();

        var result = page.Locator("[data-test=bulk-result]");
        await Assertions.Expect(result).ToContainTextAsync("3 killed, 1 refused:");
        await Assertions.Expect(result.Locator("li")).ToHaveCountAsync(1);
        await Assertions.Expect(result.Locator("li")).ToContainTextAsync(ended.Id()[..8]);
        await Assertions.Expect(result.Locator("li")).ToContainTextAsync("already finished");
        await Assertions.Expect(page.Locator("[data-test=bulk-count]")).ToHaveTextAsync("0 selected");
        foreach (var id in running)
        {
            Assert.Equal("KILLED", await StateWithinAsync(id, "KILLED", TimeSpan.FromSeconds(30)));
        }

        Assert.Equal("SUCCESS", (await ui.Server.Api.GetJsonAsync($"executions/{ended.Id()}")).State());
    }

    [Fact]
    public async Task BulkKill_OfAllTheRunningExecutionsOnThePage_AfterConfirming_EndsBothKilled()
    {
        await ui.Server.Api.DeployAsync("""
            id: sleeper
            namespace: ui.bulk.kill
            tasks:
              - id: wait
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - sleep 120
            """);
        var first = await ui.Server.Api.ExecuteAsync("ui.bulk.kill", "sleeper", wait: false);
        var second = await ui.Server.Api.ExecuteAsync("ui.bulk.kill", "sleeper", wait: false);
        var page = await ui.NewPageAsync();
        await page.GotoAsync("/ui/executions?namespace=ui.bulk.kill");
        await Assertions.Expect(Row(page, first.Id()).Locator("[data-test=state]")).ToHaveTextAsync("RUNNING");
        await Assertions.Expect(Row(page, second.Id()).Locator("[data-test=state]")).ToHaveTextAsync("RUNNING");

        await page.Locator("[data-test=select-all]").CheckAsync();
        await Assertions.Expect(page.Locator("[data-test=bulk-count]")).ToHaveTextAsync("2 selected");
        await page.Locator("[data-test=bulk-kill]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=confirm]")).ToContainTextAsync("Kill 2 execution(s)?");
        await page.Locator("[data-test=confirm-yes]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-test=bulk-result]")).ToHaveTextAsync("2 killed");
        await Assertions.Expect(Row(page, first.Id()).Locator("[data-test=state]")).ToHaveTextAsync("KILLED", new() { Timeout = 30_000 });
        await Assertions.Expect(Row(page, second.Id()).Locator("[data-test=state]")).ToHaveTextAsync("KILLED", new() { Timeout = 30_000 });
        Assert.Equal("KILLED", (await ui.Server.Api.GetJsonAsync($"executions/{first.Id()}")).State());
        Assert.Equal("KILLED", (await ui.Server.Api.GetJsonAsync($"executions/{second.Id()}")).State());
    }

    [Fact]
    public async Task BulkRestart_OfTwoFailedExecutionsAndASuccessfulOne_RestartsTheFailedOnes_AndNamesTheRefusedOneWithTheReason()
    {
        var marker = Path.Combine(ui.Folder, "bulk-restart-marker");
        await ui.Server.Api.DeployAsync($$"""
            id: flaky
            namespace: ui.bulk.restart
            tasks:
              - id: check
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - test -f '{{marker}}'
            """);
        var first = await ui.Server.Api.ExecuteAsync("ui.bulk.restart", "flaky", wait: true);
        var second = await ui.Server.Api.ExecuteAsync("ui.bulk.restart", "flaky", wait: true);
        await File.WriteAllTextAsync(marker, "");
        var succeeded = await ui.Server.Api.ExecuteAsync("ui.bulk.restart", "flaky", wait: true);
        Assert.Equal(("FAILED", "FAILED", "SUCCESS"), (first.State(), second.State(), succeeded.State()));
        var page = await ui.NewPageAsync();
        await page.GotoAsync("/ui/executions?namespace=ui.bulk.restart");
        await Assertions.Expect(page.Locator("[data-test=executions] tbody tr")).ToHaveCountAsync(3);

        foreach (var id in new[] { first.Id(), second.Id(), succeeded.Id() })
        {
            await Row(page, id).Locator("[data-test=select]").CheckAsync();
        }

        await page.Locator("[data-test=bulk-restart]").ClickAsync();

        var result = page.Locator("[data-test=bulk-result]");
        await Assertions.Expect(result).ToContainTextAsync("2 restarted, 1 refused:");
        await Assertions.Expect(result.Locator("li")).ToHaveCountAsync(1);
        await Assertions.Expect(result.Locator("li")).ToContainTextAsync(succeeded.Id()[..8]);
        await Assertions.Expect(Row(page, first.Id()).Locator("[data-test=state]")).ToHaveTextAsync("SUCCESS", new() { Timeout = 30_000 });
        await Assertions.Expect(Row(page, second.Id()).Locator("[data-test=state]")).ToHaveTextAsync("SUCCESS", new() { Timeout = 30_000 });
        await Screenshots.TakeAsync(page, "executions-bulk");
        Assert.Equal("SUCCESS", (await ui.Server.Api.GetJsonAsync($"executions/{first.Id()}")).State());
        Assert.Equal("SUCCESS", (await ui.Server.Api.GetJsonAsync($"executions/{second.Id()}")).State());
    }

    [Fact]
    public async Task SelectAllMatching_ThenRestart_AfterConfirming_RestartsEveryFailedMatch_OnOtherPagesToo()
    {
        await ui.Server.Api.DeployAsync("""
            id: broken
            namespace: ui.bulk.query.restart
            tasks:
              - id: fail
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - exit 1
            """);
        var failed = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            failed.Add((await ui.Server.Api.ExecuteAsync("ui.bulk.query.restart", "broken", wait: true)).Id());
        }

        var page = await ui.NewPageAsync();
        await page.GotoAsync("/ui/executions?namespace=ui.bulk.query.restart&size=2");
        await Assertions.Expect(page.Locator("[data-test=executions] tbody tr")).ToHaveCountAsync(2);

        await page.Locator("[data-test=select-all]").CheckAsync();
        await page.Locator("[data-test=select-matching]").ClickAsync();
        await page.Locator("[data-test=bulk-restart]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=confirm]")).ToContainTextAsync("Restart all 3 matching execution(s)?");
        await page.Locator("[data-test=confirm-yes]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-test=bulk-result]")).ToHaveTextAsync("3 restarted");
        foreach (var id in failed)
        {
            var until = DateTime.UtcNow.AddSeconds(30);
            int attempts;
            while ((attempts = (await ui.Server.Api.GetJsonAsync($"executions/{id}"))["taskRunList"]![0]!["attempts"]!.AsArray().Count) < 2 && DateTime.UtcNow < until)
            {
                await Task.Delay(200);
            }

            Assert.Equal(2, attempts);
        }
    }
}
