using System.Text.RegularExpressions;
using Harrier.Ui.Tests.Support;
using Microsoft.Playwright;

namespace Harrier.Ui.Tests.Flows;

[Collection(UiCollection.Name)]
public sealed partial class FlowEditorTests(UiFixture ui)
{
    private const string Broken = "id: edited\nnamespace: ui.editor\ntasks:\n  - id: hello\n    type: io.kestra.plugin.core.log.Nope\n    message: hi\n";
    private const string Fixed = "id: edited\nnamespace: ui.editor\ntasks:\n  - id: hello\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n";

    [Fact]
    public async Task Editor_ShowsTheServersErrorAtItsLine_ThenCtrlSSavesTheFixedFlowAsARevision_AndCtrlEnterOpensItsExecuteForm()
    {
        var page = await ui.NewPageAsync();
        await page.GotoAsync("/ui/flows/new");
        await page.Locator(".monaco-editor .view-lines").WaitForAsync();

        await MonacoText.ReplaceAsync(page, Broken);

        var problem = page.Locator("[data-test=problems] li").First;
        await Assertions.Expect(problem).ToContainTextAsync("line 5, column 11");
        await Assertions.Expect(problem).ToContainTextAsync("'io.kestra.plugin.core.log.Nope' is not implemented by Harrier");
        var squiggle = page.Locator(".monaco-editor .squiggly-error").First;
        await squiggle.WaitForAsync();
        var lines = new List<int>();
        foreach (var each in await page.Locator(".monaco-editor .squiggly-error").AllAsync())
        {
            lines.Add(await MonacoText.LineOfAsync(page, each));
        }

        Assert.Contains(5, lines);
        await Screenshots.TakeAsync(page, "editor");

        await MonacoText.ReplaceAsync(page, Fixed);
        await Assertions.Expect(page.Locator("[data-test=no-problems]")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Control+S");

        await Assertions.Expect(page.Locator("[data-test=save-status]")).ToHaveTextAsync("Saved: revision 1");
        await Assertions.Expect(page).ToHaveURLAsync(FlowUrl());
        var stored = await ui.Server.Api.GetJsonAsync("flows/ui.editor/edited?source=true");
        Assert.Equal(Fixed, stored["source"]!.GetValue<string>());
        await page.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/ui/flows/ui.editor/edited/execute$"));
    }

    [Fact]
    public async Task Editor_CompletesTaskTypesAndProperties_FromTheServersFlowSchema()
    {
        var page = await ui.NewPageAsync();
        await page.GotoAsync("/ui/flows/new");
        await page.Locator(".monaco-editor .view-lines").WaitForAsync();

        await MonacoText.ReplaceAsync(page, "id: typed\nnamespace: ui.complete\ntasks:\n  - id: x\n    type: io.kestra.plugin.scripts.shell.Com");
        await Assertions.Expect(page.Locator(".monaco-editor .view-lines")).ToContainTextAsync("shell.Com");
        await SuggestAsync(page, "io.kestra.plugin.scripts.shell.Commands");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("beforeComm");
        await SuggestAsync(page, "beforeCommands");
    }

    [Fact]
    public async Task FlowsList_FindsAFlowByItsNamespace_AndOpensItsEditorByItsOwnUrl()
    {
        await ui.Server.Api.DeployAsync("id: listed\nnamespace: ui.listing\ntasks:\n  - id: a\n    type: io.kestra.plugin.core.log.Log\n    message: x\n");
        var page = await ui.NewPageAsync();
        await page.GotoAsync("/ui/flows");
        await page.Locator("[data-test=flow-search]").FillAsync("ui.listing");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/ui/flows\?q=ui\.listing$"));
        var rows = page.Locator("[data-test=flows] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Screenshots.TakeAsync(page, "flows");
        await rows.GetByRole(AriaRole.Link, new() { Name = "listed" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/ui/flows/ui.listing/listed$"));
        await Assertions.Expect(page.Locator(".monaco-editor .view-lines")).ToContainTextAsync("namespace: ui.listing");
    }

    /// <summary>
    /// Ctrl+Space until the suggestions hold <paramref name="expected"/>: the YAML worker loads the schema once, and a
    /// request made before that answers nothing (a user presses again, so does the test, a few times at most).
    /// </summary>
    private static async Task SuggestAsync(IPage page, string expected)
    {
        var widget = page.Locator(".suggest-widget");
        for (var attempt = 1; ; attempt++)
        {
            await page.Keyboard.PressAsync("Control+Space");
            try
            {
                await Assertions.Expect(widget).ToContainTextAsync(expected, new() { Timeout = 4_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 5)
            {
                await page.Keyboard.PressAsync("Escape");
            }
        }
    }

    [GeneratedRegex("/ui/flows/ui.editor/edited$")]
    private static partial Regex FlowUrl();
}
