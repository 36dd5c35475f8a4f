using System.Diagnostics;
using Harrier.Ui.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Harrier.Ui.Tests.Executions;

[Collection(UiCollection.Name)]
public sealed class LiveLogsTests(UiFixture ui, ITestOutputHelper output)
{
    /// <summary>Scrolls the log list 4,000 px per animation frame for 120 frames and returns each frame's duration (ms).</summary>
    private const string ScrollAndTimeFrames = """
        el => new Promise(resolve => {
          const times = []; let last = performance.now(); let n = 0
          const step = now => {
            times.push(now - last); last = now
            el.scrollTop = (el.scrollTop + 4000) % el.scrollHeight
            if (++n < 120) requestAnimationFrame(step); else resolve(times.slice(1))
          }
          requestAnimationFrame(step)
        })
        """;

    /// <summary>
    /// 100,000 lines streamed into an open execution page: every one arrives, the page keeps only the rows in view in the
    /// DOM (virtualised), and scrolling to the first line shows it.
    /// </summary>
    [Fact]
    public async Task HundredThousandLines_AllArriveLive_WhileTheDomHoldsOnlyTheRowsInView_AndASearchFindsOne()
    {
        await ui.Server.Api.DeployAsync("""
            id: chatty
            namespace: ui.logs
            tasks:
              - id: print
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - sleep 1
                  - seq -f 'line-%06g' 1 100000
            """);
        var page = await ui.NewPageAsync();
        var started = await ui.Server.Api.ExecuteAsync("ui.logs", "chatty", wait: false);
        await page.GotoAsync($"/ui/executions/{started.Id()}");
        var clock = Stopwatch.StartNew();

        await Assertions.Expect(page.Locator("[data-test=log-count]")).ToHaveTextAsync("100000 of 100000 lines", new() { Timeout = 60_000 });
        var arrived = clock.Elapsed;
        await Assertions.Expect(page.Locator("[data-test=logs]")).ToContainTextAsync("line-100000");
        var rows = await page.Locator("[data-test=logs] .log-line").CountAsync();
        await page.Locator("[data-test=logs]").EvaluateAsync("el => el.scrollTop = 0");
        await Assertions.Expect(page.Locator("[data-test=logs]")).ToContainTextAsync("line-000001");
        var heap = await page.EvaluateAsync<double>("performance.memory ? performance.memory.usedJSHeapSize / 1048576 : -1");
        var frames = await page.Locator("[data-test=logs]").EvaluateAsync<double[]>(ScrollAndTimeFrames);
        await page.Locator("[data-test=log-search]").FillAsync("line-050000");
        await page.Locator("[data-test=log-search]").PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-test=log-match]")).ToHaveTextAsync("1 of 1");
        await Assertions.Expect(page.Locator("[data-test=logs] .log-current")).ToContainTextAsync("line-050000");
        Array.Sort(frames);
        var p95 = frames[(int)(frames.Length * 0.95)];

        output.WriteLine($"100,000 lines on the page {arrived.TotalSeconds:F1} s after it opened (the task sleeps 1 s first); {rows} rows in the DOM; " +
                         $"JS heap {heap:F0} MiB; scrolling 4,000 px a frame: frame time p95 {p95:F1} ms, max {frames[^1]:F1} ms");
        Assert.InRange(rows, 1, 200);
        Assert.True(p95 < 250, $"scrolling the logs took {p95:F1} ms a frame (p95)");
    }
}
