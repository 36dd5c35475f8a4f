using System.Text.RegularExpressions;
using Harrier.Ui.Tests.Support;
using Microsoft.Playwright;

namespace Harrier.Ui.Tests.Executions;

[Collection(UiCollection.Name)]
public sealed partial class ExecuteFormTests(UiFixture ui)
{
    private const string Flow = """
        id: inputs
        namespace: ui.execute
        inputs:
          - id: name
            type: STRING
            description: Who to greet
          - id: count
            type: INT
            defaults: 3
          - id: ratio
            type: FLOAT
            defaults: 0.5
          - id: loud
            type: BOOLEAN
            defaults: false
          - id: color
            type: SELECT
            values: [red, green, blue]
            defaults: green
          - id: when
            type: DATETIME
            defaults: "2026-01-02T03:04:05Z"
          - id: data
            type: FILE
        tasks:
          - id: show
            type: io.kestra.plugin.core.log.Log
            message: "name={{ inputs.name }} count={{ inputs.count }} ratio={{ inputs.ratio }} loud={{ inputs.loud }} color={{ inputs.color }}"
          - id: file
            type: io.kestra.plugin.core.log.Log
            message: "file={{ read(inputs.data) }}"
        """;

    [Fact]
    public async Task ExecuteForm_ShowsTheServersMessageUnderTheField_ThenRunsWithEveryInputAndAFile_AndShowsTheEndAndItsLogs()
    {
        await ui.Server.Api.DeployAsync(Flow);
        var upload = Path.Combine(ui.Folder, "upload.txt");
        await File.WriteAllTextAsync(upload, "contents-of-the-upload\n");
        var page = await ui.NewPageAsync();
        await page.GotoAsync("/ui/flows/ui.execute/inputs/execute");
        var form = page.Locator("[data-test=execute-form]");
        await Assertions.Expect(form.Locator("#input-count")).ToHaveValueAsync("3");
        await Assertions.Expect(form.Locator("#input-color")).ToHaveValueAsync("green");

        await page.Locator("[data-test=execute-submit]").ClickAsync();
        var nameError = form.Locator("[data-input=name] [data-test=input-error]");
        await Assertions.Expect(nameError).ToContainTextAsync("input 'name' (STRING) is required");
        await Assertions.Expect(form.Locator("[data-input=data] [data-test=input-error]")).ToContainTextAsync("input 'data' (FILE) is required");
        await Screenshots.TakeAsync(page, "execute");

        await form.Locator("#input-name").FillAsync("Ada");
        await form.Locator("#input-count").FillAsync("7");
        await form.Locator("#input-loud").CheckAsync();
        await form.Locator("#input-color").SelectOptionAsync("blue");
        await form.Locator("#input-data").SetInputFilesAsync(upload);
        await page.Locator("[data-test=execute-submit]").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(ExecutionUrl());
        await Assertions.Expect(page.Locator("[data-test=execution-state]")).ToHaveTextAsync("SUCCESS");
        var logs = page.Locator("[data-test=logs]");
        await Assertions.Expect(logs).ToContainTextAsync("name=Ada count=7 ratio=0.5 loud=true color=blue");
        await Assertions.Expect(logs).ToContainTextAsync("file=contents-of-the-upload");
        await Assertions.Expect(page.Locator("[data-test=gantt] .gantt-row")).ToHaveCountAsync(2);

        var id = ExecutionUrl().Match(page.Url).Groups[1].Value;
        var execution = await ui.Server.Api.GetJsonAsync($"executions/{id}");
        Assert.Equal("2026-01-02T03:04:05Z", execution["inputs"]!["when"]!.GetValue<string>().Replace(".000", "", StringComparison.Ordinal));
    }

    [GeneratedRegex("/ui/executions/([A-Za-z0-9]+)$")]
    private static partial Regex ExecutionUrl();
}
