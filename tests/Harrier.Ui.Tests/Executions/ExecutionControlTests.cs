using Harrier.Ui.Tests.Support;
using Microsoft.Playwright;

namespace Harrier.Ui.Tests.Executions;

[Collection(UiCollection.Name)]
public sealed class ExecutionControlTests(UiFixture ui)
{
    [Fact]
    public async Task Kill_StopsARunningExecution_WhoseLiveLogsAreOnThePage()
    {
        await ui.Server.Api.DeployAsync("""
            id: sleeper
            namespace: ui.kill
            tasks:
              - id: wait
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - echo started-sleeping
                  - sleep 120
            """);
        var started = await ui.Server.Api.ExecuteAsync("ui.kill", "sleeper", wait: false);
        var page = await ui.NewPageAsync();
        await page.GotoAsync($"/ui/executions/{started.Id()}");

        await Assertions.Expect(page.Locator("[data-test=logs]")).ToContainTextAsync("started-sleeping");
        await Assertions.Expect(page.Locator("[data-test=execution-state]")).ToHaveTextAsync("RUNNING");
        await page.Locator("[data-test=kill]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-test=execution-state]")).ToHaveTextAsync("KILLED", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-test=kill]")).ToHaveCountAsync(0);
        Assert.Equal("KILLED", (await ui.Server.Api.GetJsonAsync($"executions/{started.Id()}")).State());
    }

    [Fact]
    public async Task Restart_RunsTheFailedTaskOfAFailedExecutionAgain_UntilItSucceeds_WhileItsTopologyTakesTheStates()
    {
        var marker = Path.Combine(ui.Folder, "restart-marker");
        await ui.Server.Api.DeployAsync($$"""
            id: flaky
            namespace: ui.restart
            tasks:
              - id: first
                type: io.kestra.plugin.core.log.Log
                message: first-ran
              - id: check
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - test -f '{{marker}}' && echo marker-found
            """);
        var failed = await ui.Server.Api.ExecuteAsync("ui.restart", "flaky", wait: true);
        Assert.Equal("FAILED", failed.State());
        var page = await ui.NewPageAsync();
        await page.GotoAsync($"/ui/executions/{failed.Id()}");
        await Assertions.Expect(page.Locator("[data-test=execution-state]")).ToHaveTextAsync("FAILED");
        await Assertions.Expect(page.Locator("[data-test=topology] [data-node=check]")).ToHaveAttributeAsync("data-state", "FAILED");
        await Screenshots.TakeAsync(page, "execution-failed");

        await File.WriteAllTextAsync(marker, "");
        await page.Locator("[data-test=restart]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-test=execution-state]")).ToHaveTextAsync("SUCCESS", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-test=logs]")).ToContainTextAsync("marker-found");
        await Assertions.Expect(page.Locator("[data-task=check]")).ToContainTextAsync("2 attempts");
        await Assertions.Expect(page.Locator("[data-test=topology] [data-node=check]")).ToHaveAttributeAsync("data-state", "SUCCESS");
        await Assertions.Expect(page.Locator("[data-test=restart]")).ToHaveCountAsync(0);
    }
}
