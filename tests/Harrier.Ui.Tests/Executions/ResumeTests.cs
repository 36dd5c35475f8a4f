using Harrier.Ui.Tests.Support;
using Microsoft.Playwright;

namespace Harrier.Ui.Tests.Executions;

[Collection(UiCollection.Name)]
public sealed class ResumeTests(UiFixture ui)
{
    [Fact]
    public async Task Resume_OfAPausedExecution_TakesItsOnResumeForm_ShowsTheServersMessageUnderAnInvalidField_ThenRunsToSuccessWithTheValues()
    {
        await ui.Server.Api.DeployAsync("""
            id: approval
            namespace: ui.resume
            tasks:
              - id: approve
                type: io.kestra.plugin.core.flow.Pause
                onResume:
                  - id: copies
                    type: INT
                    min: 1
                  - id: note
                    type: STRING
                    defaults: no-note
                  - id: attachment
                    type: FILE
                    required: false
              - id: after
                type: io.kestra.plugin.core.debug.Return
                format: "copies={{ outputs.approve.onResume.copies }} note={{ outputs.approve.onResume.note }}"
            """);
        var started = await ui.Server.Api.ExecuteAsync("ui.resume", "approval", wait: false);
        var page = await ui.NewPageAsync();
        await page.GotoAsync($"/ui/executions/{started.Id()}");

        var form = page.Locator("[data-test=resume-form]");
        await Assertions.Expect(page.Locator("[data-test=execution-state]")).ToHaveTextAsync("PAUSED", new() { Timeout = 30_000 });
        await Assertions.Expect(form.Locator("[data-input=note] input")).ToHaveValueAsync("no-note");
        await form.Locator("[data-input=copies] input").FillAsync("0");
        await form.Locator("[data-test=resume]").ClickAsync();

        await Assertions.Expect(form.Locator("[data-input=copies] [data-test=input-error]")).ToContainTextAsync("0");
        Assert.Equal("PAUSED", (await ui.Server.Api.GetJsonAsync($"executions/{started.Id()}")).State());
        await Screenshots.TakeAsync(page, "execution-resume");

        await form.Locator("[data-input=copies] input").FillAsync("3");
        await form.Locator("[data-input=note] input").FillAsync("ship it");
        await form.Locator("[data-input=attachment] input").SetInputFilesAsync(new FilePayload { Name = "memo.txt", MimeType = "text/plain", Buffer = "the memo"u8.ToArray() });
        await form.Locator("[data-test=resume]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-test=execution-state]")).ToHaveTextAsync("SUCCESS", new() { Timeout = 30_000 });
        await Assertions.Expect(form).ToHaveCountAsync(0);
        var ended = await ui.Server.Api.GetJsonAsync($"executions/{started.Id()}");
        var runs = ended["taskRunList"]!.AsArray();
        var after = runs.Single(r => r!["taskId"]!.GetValue<string>() == "after")!;
        Assert.Equal("copies=3 note=ship it", after["outputs"]!["value"]!.GetValue<string>());
        var attachment = runs.Single(r => r!["taskId"]!.GetValue<string>() == "approve")!["outputs"]!["onResume"]!["attachment"]!.GetValue<string>();
        Assert.EndsWith("/memo.txt", attachment, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("[data-test=outputs]")).ToContainTextAsync("memo.txt");
    }
}
