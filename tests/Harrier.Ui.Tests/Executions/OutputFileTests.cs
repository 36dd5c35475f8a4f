using Harrier.Ui.Tests.Support;
using Microsoft.Playwright;

namespace Harrier.Ui.Tests.Executions;

[Collection(UiCollection.Name)]
public sealed class OutputFileTests(UiFixture ui)
{
    [Fact]
    public async Task AnOutputFile_IsALinkInTheOutputsTree_ThatDownloadsItsContent()
    {
        await ui.Server.Api.DeployAsync("""
            id: producer
            namespace: ui.outputs
            tasks:
              - id: write
                type: io.kestra.plugin.scripts.shell.Commands
                outputFiles:
                  - report.txt
                commands:
                  - printf 'the-report-body' > report.txt
            """);
        var execution = await ui.Server.Api.ExecuteAsync("ui.outputs", "producer", wait: true);
        Assert.Equal("SUCCESS", execution.State());
        var page = await ui.NewPageAsync();
        await page.GotoAsync($"/ui/executions/{execution.Id()}");

        var link = page.Locator("[data-test=outputs] [data-test=output-file]");
        await Assertions.Expect(link).ToHaveTextAsync("⬇ report.txt");
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var saved = Path.Combine(ui.Folder, "downloaded-report.txt");
        await download.SaveAsAsync(saved);

        Assert.Equal("report.txt", download.SuggestedFilename);
        Assert.Equal("the-report-body", await File.ReadAllTextAsync(saved));
    }
}
