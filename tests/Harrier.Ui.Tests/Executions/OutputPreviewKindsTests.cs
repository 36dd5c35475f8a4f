using Harrier.Ui.Tests.Support;
using Microsoft.Playwright;

namespace Harrier.Ui.Tests.Executions;

[Collection(UiCollection.Name)]
public sealed class OutputPreviewKindsTests(UiFixture ui)
{
    [Fact]
    public async Task IonRows_Markdown_AndImages_PreviewAsATable_RenderedText_AndThePicture_WithoutRunningTheFilesHtml()
    {
        await ui.Server.Api.DeployAsync("""
            id: kinds
            namespace: ui.previews
            tasks:
              - id: export
                type: io.kestra.plugin.scripts.shell.Commands
                outputFiles: ["rows.ion", "notes.md", "dot.svg"]
                commands:
                  - printf '{id:1,name:"first"}\n{id:2,name:"second",extra:[x]}\n' > rows.ion
                  - printf '# Weekly report\n\nAll **green**.\n\n<script>window.previewScriptRan = true</script>\n' > notes.md
                  - printf '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="teal"/></svg>' > dot.svg
            """);
        var execution = await ui.Server.Api.ExecuteAsync("ui.previews", "kinds", wait: true);
        Assert.Equal("SUCCESS", execution.State());
        var page = await ui.NewPageAsync();
        await page.GotoAsync($"/ui/executions/{execution.Id()}");
        var files = page.Locator("[data-test=outputs] [data-test=output-file]");
        await Assertions.Expect(files).ToHaveCountAsync(3);

        // A file's Preview button follows its link: the n-th button belongs to the n-th file.
        async Task<ILocator> PreviewAsync(string name)
        {
            var names = await files.AllTextContentsAsync();
            await page.Locator("[data-test=outputs] [data-test=preview-file]").Nth(names.ToList().FindIndex(n => n.EndsWith(name, StringComparison.Ordinal))).ClickAsync();
            return page.Locator("[data-test=file-preview]");
        }

        var ion = (await PreviewAsync("rows.ion")).Locator("[data-test=preview-table]");
        await Assertions.Expect(ion.Locator("th")).ToHaveTextAsync(["id", "name", "extra"]);
        await Assertions.Expect(ion.Locator("tbody tr").Nth(1).Locator("td")).ToHaveTextAsync(["2", "second", "[\"x\"]"]);

        var markdown = page.Locator("[data-test=preview-markdown]");
        await PreviewAsync("notes.md");
        await Assertions.Expect(markdown.Locator("h1")).ToHaveTextAsync("Weekly report");
        await Assertions.Expect(markdown.Locator("strong")).ToHaveTextAsync("green");
        await Assertions.Expect(markdown).ToContainTextAsync("<script>");
        Assert.False(await page.EvaluateAsync<bool>("() => window.previewScriptRan === true"));

        await PreviewAsync("dot.svg");
        var image = page.Locator("[data-test=preview-image]");
        await Assertions.Expect(image).ToBeVisibleAsync();
        Assert.Equal(40, await image.EvaluateAsync<int>("img => img.naturalWidth"));
    }
}
