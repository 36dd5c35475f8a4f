using System.Text.RegularExpressions;
using Harrier.Ui.Tests.Support;
using Microsoft.Playwright;

namespace Harrier.Ui.Tests.Flows;

[Collection(UiCollection.Name)]
public sealed partial class RevisionsTests(UiFixture ui)
{
    [Fact]
    public async Task Revisions_ShowTheLastTwoSideBySide_FromTheFlowPage()
    {
        const string First = "id: revised\nnamespace: ui.revisions\ntasks:\n  - id: a\n    type: io.kestra.plugin.core.log.Log\n    message: first-text\n";
        await ui.Server.Api.DeployAsync(First);
        await ui.Server.Api.UpdateAsync("ui.revisions", "revised", First.Replace("first-text", "second-text", StringComparison.Ordinal));
        var page = await ui.NewPageAsync();
        await page.GotoAsync("/ui/flows/ui.revisions/revised");

        await page.Locator("[data-test=revisions]").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(RevisionsUrl());
        await Assertions.Expect(page.Locator("[data-test=from]")).ToHaveValueAsync("1");
        await Assertions.Expect(page.Locator("[data-test=to]")).ToHaveValueAsync("2");
        await Assertions.Expect(page.Locator("[data-test=diff] .editor.original")).ToContainTextAsync("first-text");
        await Assertions.Expect(page.Locator("[data-test=diff] .editor.modified")).ToContainTextAsync("second-text");
        await Assertions.Expect(page.Locator("[data-test=diff] .editor.modified .char-insert, [data-test=diff] .editor.modified .line-insert").First).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "revisions");
    }

    [GeneratedRegex("/ui/flows/ui.revisions/revised/revisions$")]
    private static partial Regex RevisionsUrl();
}
