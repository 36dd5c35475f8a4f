using System.Text.RegularExpressions;
using Harrier.Ui.Tests.Support;
using Microsoft.Playwright;

namespace Harrier.Ui.Tests.Executions;

[Collection(UiCollection.Name)]
public sealed partial class ExecuteShortcutTests(UiFixture ui)
{
    [Fact]
    public async Task CtrlEInTheEditor_OpensTheExecuteForm_AndCtrlEnterInAMultiLineField_StartsTheExecution()
    {
        await ui.Server.Api.DeployAsync("""
            id: shortcut
            namespace: ui.shortcuts
            inputs:
              - id: note
                type: JSON
            tasks:
              - id: show
                type: io.kestra.plugin.core.log.Log
                message: "note={{ inputs.note }}"
            """);
        var page = await ui.NewPageAsync();
        await page.GotoAsync("/ui/flows/ui.shortcuts/shortcut");
        await page.Locator(".monaco-editor .view-lines").ClickAsync();

        await page.Keyboard.PressAsync("Control+E");

        await Assertions.Expect(page).ToHaveURLAsync(ExecuteUrl());
        var note = page.Locator("[data-test=execute-form] textarea");
        await note.FillAsync("{\"first\": 1,");
        await note.PressAsync("Enter");
        await note.PressSequentiallyAsync("\"second\": 2}");
        await note.PressAsync("Control+Enter");

        await Assertions.Expect(page).ToHaveURLAsync(ExecutionUrl());
        await Assertions.Expect(page.Locator("[data-test=execution-state]")).ToHaveTextAsync("SUCCESS", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-test=logs]")).ToContainTextAsync("second");
    }

    [GeneratedRegex("/ui/flows/ui.shortcuts/shortcut/execute$")]
    private static partial Regex ExecuteUrl();

    [GeneratedRegex("/ui/executions/[A-Za-z0-9]+$")]
    private static partial Regex ExecutionUrl();
}
