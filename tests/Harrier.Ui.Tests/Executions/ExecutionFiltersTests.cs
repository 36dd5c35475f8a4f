using System.Globalization;
using System.Text.RegularExpressions;
using Harrier.Ui.Tests.Support;
using Microsoft.Playwright;

namespace Harrier.Ui.Tests.Executions;

[Collection(UiCollection.Name)]
public sealed partial class ExecutionFiltersTests(UiFixture ui)
{
    private static string Flow(string ns) => $"""
        id: labelled
        namespace: {ns}
        tasks:
          - id: hello
            type: io.kestra.plugin.core.log.Log
            message: hi
        """;

    private static ILocator Rows(IPage page) => page.Locator("[data-test=executions] tbody tr");

    [Fact]
    public async Task ExecutionsList_FilteredByLabel_ShowsOnlyTheMatchingOnes_AndTheUrlCarriesTheFilter()
    {
        const string ns = "ui.filters.label";
        await ui.Server.Api.DeployAsync(Flow(ns));
        var prod = await ui.Server.Api.ExecuteWithLabelsAsync(ns, "labelled", "env:prod", "team:data");
        var dev = await ui.Server.Api.ExecuteWithLabelsAsync(ns, "labelled", "env:dev", "team:data");
        var page = await ui.NewPageAsync();
        await page.GotoAsync($"/ui/executions?namespace={ns}");
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(2);

        await page.Locator("[data-test=filter-labels]").FillAsync("env:prod, team:data");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"labels=env(%3A|:)prod(%2C|,)(\+|%20)team(%3A|:)data"));
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(1);
        await Assertions.Expect(Rows(page).First).ToHaveAttributeAsync("data-id", prod.Id());
        await Assertions.Expect(Rows(page).First).ToContainTextAsync("env:prod");

        // The URL alone gives the same list (a shared link).
        var shared = await ui.NewPageAsync();
        await shared.GotoAsync($"/ui/executions?namespace={ns}&labels=env:dev");
        await Assertions.Expect(Rows(shared)).ToHaveCountAsync(1);
        await Assertions.Expect(Rows(shared).First).ToHaveAttributeAsync("data-id", dev.Id());
        await Assertions.Expect(shared.Locator("[data-test=filter-labels]")).ToHaveValueAsync("env:dev");
    }

    [Fact]
    public async Task ExecutionsList_FilteredByTimeRange_PresetOrCustomWindow_ShowsOnlyTheExecutionsStartedInIt_AndTheUrlCarriesIt()
    {
        const string ns = "ui.filters.time";
        await ui.Server.Api.DeployAsync(Flow(ns));
        var early = await ui.Server.Api.ExecuteAsync(ns, "labelled", wait: true);
        // A custom window is entered to the second (datetime-local): the two executions must start in different seconds.
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var late = await ui.Server.Api.ExecuteAsync(ns, "labelled", wait: true);
        var earlyStart = DateTimeOffset.Parse(early["state"]!["startDate"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var page = await ui.NewPageAsync();
        await page.GotoAsync($"/ui/executions?namespace={ns}");
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(2);

        await page.Locator("[data-test=filter-time]").SelectOptionAsync("5m");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("range=5m"));
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(2);

        await page.Locator("[data-test=filter-time]").SelectOptionAsync("custom");
        var secondAfterEarly = TruncateToSecond(earlyStart).AddSeconds(1);
        await page.Locator("[data-test=filter-from]").FillAsync(await LocalAsync(page, secondAfterEarly));
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("range=custom&from="));
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(1);
        await Assertions.Expect(Rows(page).First).ToHaveAttributeAsync("data-id", late.Id());

        await page.Locator("[data-test=filter-from]").FillAsync("");
        await page.Locator("[data-test=filter-to]").FillAsync(await LocalAsync(page, secondAfterEarly));
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(1);
        await Assertions.Expect(Rows(page).First).ToHaveAttributeAsync("data-id", early.Id());

        await page.Locator("[data-test=filter-to]").FillAsync(await LocalAsync(page, earlyStart.AddHours(-1)));
        await Assertions.Expect(page.Locator("[data-test=empty]")).ToContainTextAsync("Nothing matches these filters");
    }

    private static DateTimeOffset TruncateToSecond(DateTimeOffset t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond), t.Offset);

    /// <summary>The instant as a datetime-local text in the browser's own time zone (what a user types there).</summary>
    private static Task<string> LocalAsync(IPage page, DateTimeOffset instant) => page.EvaluateAsync<string>("""
        ms => { const d = new Date(ms); const p = (n) => String(n).padStart(2, '0');
          return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}` }
        """, instant.ToUnixTimeMilliseconds());
}
