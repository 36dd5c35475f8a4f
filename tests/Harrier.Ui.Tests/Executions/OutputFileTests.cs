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

    [Fact]
    public async Task AnOutputCsvFile_PreviewsItsFirstRowsAsATable_NextToItsDownloadLink()
    {
        await ui.Server.Api.DeployAsync("""
            id: csv
            namespace: ui.outputs
            tasks:
              - id: export
                type: io.kestra.plugin.scripts.shell.Commands
                outputFiles:
                  - orders.csv
                commands:
                  - printf 'id,customer,total\n1,"Smith, Jane",12.50\n2,Bob,7\n' > orders.csv
            """);
        var execution = await ui.Server.Api.ExecuteAsync("ui.outputs", "csv", wait: true);
        Assert.Equal("SUCCESS", execution.State());
        var page = await ui.NewPageAsync();
        await page.GotoAsync($"/ui/executions/{execution.Id()}");

        await Assertions.Expect(page.Locator("[data-test=outputs] [data-test=output-file]")).ToHaveTextAsync("⬇ orders.csv");
        await page.Locator("[data-test=outputs] [data-test=preview-file]").ClickAsync();

        var table = page.Locator("[data-test=file-preview] [data-test=preview-table]");
        await Assertions.Expect(table.Locator("th")).ToHaveTextAsync(["id", "customer", "total"]);
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(table.Locator("tbody tr").Nth(0).Locator("td")).ToHaveTextAsync(["1", "Smith, Jane", "12.50"]);
        await Assertions.Expect(page.Locator("[data-test=file-preview]")).ToContainTextAsync("The whole file.");
        await Screenshots.TakeAsync(page, "execution-file-preview");
    }
}
