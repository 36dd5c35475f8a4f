using System.Text.RegularExpressions;
using Harrier.Ui.Tests.Support;
using Microsoft.Playwright;

namespace Harrier.Ui.Tests.Flows;

[Collection(UiCollection.Name)]
public sealed partial class FlowsListLabelsTests(UiFixture ui)
{
    private static string Flow(string id, string team) =>
        $"id: {id}\nnamespace: ui.labelled\nlabels:\n  team: {team}\n  tier: gold\ntasks:\n  - id: a\n    type: io.kestra.plugin.core.log.Log\n    message: x\n";

    [Fact]
    public async Task FlowsList_ShowsEachFlowsLabels_AndFindsTheFlowsCarryingEveryLabelAsked_KeepingTheSearchInTheUrl()
    {
        await ui.Server.Api.DeployAsync(Flow("ingest", "data"));
        await ui.Server.Api.DeployAsync(Flow("report", "finance"));
        var page = await ui.NewPageAsync();
        await page.GotoAsync("/ui/flows?q=ui.labelled");
        var rows = page.Locator("[data-test=flows] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Nth(0).Locator("[data-test=flow-label]")).ToHaveTextAsync(["team:data", "tier:gold"]);

        await page.Locator("[data-test=flow-labels]").FillAsync("tier:gold, team:finance");

        await Assertions.Expect(page).ToHaveURLAsync(LabelledUrl());
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("report");

        await page.Locator("[data-test=flow-labels]").FillAsync("team");
        await Assertions.Expect(page.Locator("[data-test=flow-labels-error]")).ToContainTextAsync("key:value");

        await page.Locator("[data-test=flow-labels]").FillAsync("team:nobody");
        await Assertions.Expect(page.Locator("[data-test=empty]")).ToContainTextAsync("carries the labels team:nobody");
    }

    [GeneratedRegex(@"/ui/flows\?q=ui\.labelled&labels=tier(:|%3A)gold(,|%2C)(\+|%20)team(:|%3A)finance$")]
    private static partial Regex LabelledUrl();
}
