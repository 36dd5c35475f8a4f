using Harrier.Ui.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Harrier.Ui.Tests.Executions;

[Collection(UiCollection.Name)]
public sealed class FirstLoadTests(UiFixture ui, ITestOutputHelper output)
{
    /// <summary>
    /// Cold cache (a new context), loopback: from navigation start to the task runs and the last log line on screen.
    /// The bound is loose (a shared 2-core machine: 0.4 s quiet, 0.8 s at load 12; the goal is 0.5 s); the figure is printed and reported in docs/ui/README.md.
    /// </summary>
    [Fact]
    public async Task ExecutionPage_FirstLoad_ShowsTheTaskRunsAndLogsWithinTwoSeconds()
    {
        await ui.Server.Api.DeployAsync("""
            id: measured
            namespace: ui.load
            tasks:
              - id: one
                type: io.kestra.plugin.core.log.Log
                message: first-line
              - id: two
                type: io.kestra.plugin.core.log.Log
                message: last-line
            """);
        var execution = await ui.Server.Api.ExecuteAsync("ui.load", "measured", wait: true);
        var samples = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var page = await ui.NewPageAsync();
            await page.GotoAsync($"/ui/executions/{execution.Id()}", new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
            await Assertions.Expect(page.Locator("[data-test=gantt] .gantt-row")).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator("[data-test=logs]")).ToContainTextAsync("last-line");
            samples.Add(await page.EvaluateAsync<double>("performance.now()"));
            await Screenshots.TakeAsync(page, "execution");
            await page.Context.CloseAsync();
        }

        samples.Sort();
        var median = samples[samples.Count / 2];
        output.WriteLine($"execution page, cold cache, navigation start → task runs and logs visible: median {median:F0} ms of [{string.Join(", ", samples.Select(s => s.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))}]");
        Assert.True(median < 2000, $"first load took {median:F0} ms (median of {string.Join(", ", samples)})");
    }
}
