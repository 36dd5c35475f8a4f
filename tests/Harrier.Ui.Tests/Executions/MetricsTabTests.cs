using Harrier.Ui.Tests.Support;
using Microsoft.Playwright;

namespace Harrier.Ui.Tests.Executions;

[Collection(UiCollection.Name)]
public sealed class MetricsTabTests(UiFixture ui)
{
    [Fact]
    public async Task ATaskEmittingAMetric_ShowsItInTheMetricsTab_WithItsTags_AndAChartAcrossTheFlowsExecutions()
    {
        await ui.Server.Api.DeployAsync("""
            id: counting
            namespace: ui.metrics
            tasks:
              - id: count
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - echo '::{"metrics":[{"name":"rows.read","type":"counter","value":42,"tags":{"source":"orders"}}]}::'
            """);
        await ui.Server.Api.ExecuteAsync("ui.metrics", "counting", wait: true);
        var execution = await ui.Server.Api.ExecuteAsync("ui.metrics", "counting", wait: true);
        Assert.Equal("SUCCESS", execution.State());
        var page = await ui.NewPageAsync();
        await page.GotoAsync($"/ui/executions/{execution.Id()}");

        await page.Locator("[data-test=tab-metrics]").ClickAsync();
        var row = page.Locator("[data-test=metrics] [data-test=metric-row][data-metric='rows.read']");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("count");
        await Assertions.Expect(row).ToContainTextAsync("counter");
        await Assertions.Expect(row.Locator("[data-test=metric-value]")).ToHaveTextAsync("42");
        await Assertions.Expect(row).ToContainTextAsync("source=orders");
        await Assertions.Expect(page.Locator("[data-test=metric-chart] [data-test=metric-bar]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-test=metric-chart] rect.current")).ToHaveCountAsync(1);
        await Screenshots.TakeAsync(page, "execution-metrics");

        // Back on the logs tab, the task's log lines are still there (the log view was kept, hidden).
        await page.Locator("[data-test=tab-logs]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=logs]")).ToBeVisibleAsync();
    }
}
