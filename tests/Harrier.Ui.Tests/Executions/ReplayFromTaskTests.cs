using Harrier.Ui.Tests.Support;
using Microsoft.Playwright;

namespace Harrier.Ui.Tests.Executions;

[Collection(UiCollection.Name)]
public sealed class ReplayFromTaskTests(UiFixture ui)
{
    [Fact]
    public async Task ReplayFromHere_OnAFailedTasksRow_OpensANewExecutionThatKeepsWhatRanBefore_AndRunsThatTaskAndTheNextAgain()
    {
        var marker = Path.Combine(ui.Folder, "replay-marker");
        await ui.Server.Api.DeployAsync($$"""
            id: replayable
            namespace: ui.replay
            tasks:
              - id: first
                type: io.kestra.plugin.core.log.Log
                message: first-ran
              - id: check
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - test -f '{{marker}}' && echo marker-found
              - id: after
                type: io.kestra.plugin.core.log.Log
                message: after-ran
            """);
        var failed = await ui.Server.Api.ExecuteAsync("ui.replay", "replayable", wait: true);
        Assert.Equal("FAILED", failed.State());
        var page = await ui.NewPageAsync();
        await page.GotoAsync($"/ui/executions/{failed.Id()}");
        await Assertions.Expect(page.Locator("[data-test=execution-state]")).ToHaveTextAsync("FAILED");

        await File.WriteAllTextAsync(marker, "");
        await page.Locator("[data-task=check] [data-test=replay-from]").ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/ui/executions/", StringComparison.Ordinal) && !url.EndsWith(failed.Id(), StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-test=execution-state]")).ToHaveTextAsync("SUCCESS", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-test=logs]")).ToContainTextAsync("marker-found");
        await Assertions.Expect(page.Locator("[data-test=logs]")).ToContainTextAsync("after-ran");
        // The first task was kept, not run again: its log line stays with the original execution.
        await Assertions.Expect(page.Locator("[data-test=logs]")).Not.ToContainTextAsync("first-ran");
        await Assertions.Expect(page.Locator("[data-task=first]")).ToContainTextAsync("SUCCESS");
        await Assertions.Expect(page.Locator("[data-task=check]")).ToContainTextAsync("2 attempts");
        Assert.Equal("FAILED", (await ui.Server.Api.GetJsonAsync($"executions/{failed.Id()}")).State());
    }
}
