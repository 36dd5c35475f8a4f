using System.Diagnostics;
using Harrier.Ui.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Harrier.Ui.Tests.Executions;

[Collection(UiCollection.Name)]
public sealed class LogSearchTests(UiFixture ui, ITestOutputHelper output)
{
    /// <summary>
    /// 120,000 lines on the execution page: a search for lines deep in the list (typed in another case) counts them,
    /// scrolls the virtual list to the first, highlights it, and Enter / Shift+Enter walk through them, wrapping around.
    /// </summary>
    [Fact]
    public async Task Search_InAHundredAndTwentyThousandLines_CountsTheMatchesIgnoringCase_AndEnterAndShiftEnterScrollToEachInTurn()
    {
        await ui.Server.Api.DeployAsync("""
            id: many
            namespace: ui.logsearch
            tasks:
              - id: print
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - seq -f 'line-%06g' 1 120000
            """);
        var execution = await ui.Server.Api.ExecuteAsync("ui.logsearch", "many", wait: true);
        var page = await ui.NewPageAsync();
        await page.GotoAsync($"/ui/executions/{execution.Id()}");
        await Assertions.Expect(page.Locator("[data-test=log-count]")).ToHaveTextAsync("120000 of 120000 lines", new() { Timeout = 60_000 });
        var search = page.Locator("[data-test=log-search]");
        var counter = page.Locator("[data-test=log-match]");
        var current = page.Locator("[data-test=logs] .log-current");

        var clock = Stopwatch.StartNew();
        await search.FillAsync("LINE-0700");
        await search.PressAsync("Enter");
        await Assertions.Expect(counter).ToHaveTextAsync("1 of 100");
        var found = clock.Elapsed;

        await Assertions.Expect(current).ToContainTextAsync("line-070000");
        await Assertions.Expect(current).ToBeInViewportAsync();
        await Assertions.Expect(current.Locator("mark")).ToHaveTextAsync("line-0700");
        await Assertions.Expect(page.Locator("[data-test=log-count]")).ToHaveTextAsync("120000 of 120000 lines");
        await search.PressAsync("Enter");
        await Assertions.Expect(counter).ToHaveTextAsync("2 of 100");
        await Assertions.Expect(current).ToContainTextAsync("line-070001");
        await search.PressAsync("Shift+Enter");
        await search.PressAsync("Shift+Enter");
        await Assertions.Expect(counter).ToHaveTextAsync("100 of 100");
        await Assertions.Expect(current).ToContainTextAsync("line-070099");
        await Assertions.Expect(current).ToBeInViewportAsync();
        var rows = await page.Locator("[data-test=logs] .log-line").CountAsync();

        // A text deeper still, near the end: the counter follows, and the list goes there.
        await search.FillAsync("line-11999");
        await search.PressAsync("Enter");
        await Assertions.Expect(counter).ToHaveTextAsync("1 of 10");
        await Assertions.Expect(current).ToContainTextAsync("line-119990");
        await Assertions.Expect(current).ToBeInViewportAsync();
        await page.Locator("[data-test=log-only-matches]").CheckAsync();
        await Assertions.Expect(page.Locator("[data-test=log-count]")).ToHaveTextAsync("10 of 120000 lines");
        await Assertions.Expect(page.Locator("[data-test=logs] .log-line")).ToHaveCountAsync(10);
        await Assertions.Expect(counter).ToHaveTextAsync("1 of 10");
        await search.FillAsync("no such line");
        await Assertions.Expect(counter).ToHaveTextAsync("no match");

        output.WriteLine($"searching 120,000 lines: {found.TotalMilliseconds:F0} ms from typing to the counter (browser round trips included); {rows} rows in the DOM");
        Assert.InRange(rows, 1, 200);
        Assert.True(found < TimeSpan.FromSeconds(3), $"the search took {found.TotalMilliseconds:F0} ms");
    }
}
