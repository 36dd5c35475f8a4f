using System.Text;
using Harrier.Ui.Tests.Support;
using Microsoft.Playwright;

namespace Harrier.Ui.Tests.Namespaces;

[Collection(UiCollection.Name)]
public sealed class NamespaceFilesPageTests(UiFixture ui)
{
    private static ILocator Row(IPage page, string path) => page.Locator($"[data-test=file-tree] li[data-path='{path}']");

    [Fact]
    public async Task FilesPage_OpensAFileInAFolder_WithItsLanguage_SavesItWithCtrlS_AndCreatesANewOne_SeenThroughTheApi()
    {
        const string ns = "ui.files.edit";
        await ui.Server.Api.PutNamespaceFileAsync(ns, "/scripts/etl.py", "print('old')\n");
        var page = await ui.NewPageAsync();
        await page.GotoAsync($"/ui/namespaces/{ns}/files");

        await Row(page, "/scripts").Locator("button.file-name").ClickAsync();
        await Row(page, "/scripts/etl.py").Locator("button.file-name").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=file-editor]")).ToHaveAttributeAsync("data-language", "python");
        await Assertions.Expect(page.Locator(".monaco-editor .view-lines")).ToContainTextAsync("print('old')");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/ui/namespaces/ui\.files\.edit/files\?path=(%2F|/)scripts(%2F|/)etl\.py$"));
        await MonacoText.ReplaceAsync(page, "print('new')\n");
        await Assertions.Expect(page.Locator("[data-test=file-dirty]")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Control+S");
        await Assertions.Expect(page.Locator("[data-test=file-message]")).ToHaveTextAsync("Saved /scripts/etl.py.");
        await Assertions.Expect(page.Locator("[data-test=file-dirty]")).ToHaveCountAsync(0);
        Assert.Equal("print('new')\n", await ui.Server.Api.NamespaceFileAsync(ns, "/scripts/etl.py"));

        await page.Locator("[data-test=new-file]").ClickAsync();
        await page.Locator("[data-test=path-input]").FillAsync("queries/report.sql");
        await page.Locator("[data-test=path-submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=file-path]")).ToHaveTextAsync("/queries/report.sql");
        await Assertions.Expect(page.Locator("[data-test=file-editor]")).ToHaveAttributeAsync("data-language", "sql");
        await MonacoText.ReplaceAsync(page, "SELECT 1;\n");
        await page.Locator("[data-test=file-save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=file-message]")).ToHaveTextAsync("Saved /queries/report.sql.");
        await Assertions.Expect(Row(page, "/queries/report.sql")).ToBeVisibleAsync();
        Assert.Equal("SELECT 1;\n", await ui.Server.Api.NamespaceFileAsync(ns, "/queries/report.sql"));
        await Screenshots.TakeAsync(page, "namespace-files");
    }

    [Fact]
    public async Task FilesPage_UploadsAFileIntoTheChosenFolder_MovesIt_AndDeletesAFolderAfterConfirming()
    {
        const string ns = "ui.files.manage";
        await ui.Server.Api.PutNamespaceFileAsync(ns, "/data/keep.txt", "kept");
        await ui.Server.Api.PutNamespaceFileAsync(ns, "/old/a.sh", "echo a");
        await ui.Server.Api.PutNamespaceFileAsync(ns, "/old/b.sh", "echo b");
        var page = await ui.NewPageAsync();
        await page.GotoAsync($"/ui/namespaces/{ns}/files");

        await Row(page, "/data").Locator("button.file-name").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=current-folder]")).ToHaveTextAsync("/data");
        await page.Locator("[data-test=upload-input]").SetInputFilesAsync(new FilePayload { Name = "rows.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("a,b\n1,2\n") });
        await Assertions.Expect(Row(page, "/data/rows.csv")).ToBeVisibleAsync();
        Assert.Equal("a,b\n1,2\n", await ui.Server.Api.NamespaceFileAsync(ns, "/data/rows.csv"));

        await Row(page, "/data/rows.csv").Locator("[data-test=rename]").ClickAsync();
        await page.Locator("[data-test=path-input]").FillAsync("/archive/rows-2026.csv");
        await page.Locator("[data-test=path-submit]").ClickAsync();
        await Assertions.Expect(Row(page, "/archive")).ToBeVisibleAsync();
        await Assertions.Expect(Row(page, "/data/rows.csv")).ToHaveCountAsync(0);
        Assert.Equal("a,b\n1,2\n", await ui.Server.Api.NamespaceFileAsync(ns, "/archive/rows-2026.csv"));
        Assert.Null(await ui.Server.Api.NamespaceFileAsync(ns, "/data/rows.csv"));

        await page.Locator("[data-test=new-folder]").ClickAsync();
        await page.Locator("[data-test=path-input]").FillAsync("reports");
        await page.Locator("[data-test=path-submit]").ClickAsync();
        await Assertions.Expect(Row(page, "/reports")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-test=current-folder]")).ToHaveTextAsync("/reports");
        await page.Locator("[data-test=upload-input]").SetInputFilesAsync(new FilePayload { Name = "q1.md", MimeType = "text/markdown", Buffer = Encoding.UTF8.GetBytes("# Q1") });
        await Assertions.Expect(Row(page, "/reports/q1.md")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-test=files-error]")).ToHaveCountAsync(0);
        Assert.Equal("# Q1", await ui.Server.Api.NamespaceFileAsync(ns, "/reports/q1.md"));

        await Row(page, "/old").Locator("[data-test=delete]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=confirm]")).ToContainTextAsync("Delete /old/?");
        await page.Locator("[data-test=confirm-no]").ClickAsync();
        await Assertions.Expect(Row(page, "/old")).ToBeVisibleAsync();
        Assert.Equal("echo a", await ui.Server.Api.NamespaceFileAsync(ns, "/old/a.sh"));
        await Row(page, "/old").Locator("[data-test=delete]").ClickAsync();
        await page.Locator("[data-test=confirm-yes]").ClickAsync();

        await Assertions.Expect(Row(page, "/old")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-test=files-message]")).ToHaveTextAsync("Deleted /old.");
        Assert.Null(await ui.Server.Api.NamespaceFileAsync(ns, "/old/a.sh"));
        Assert.Null(await ui.Server.Api.NamespaceFileAsync(ns, "/old/b.sh"));
        Assert.Equal("kept", await ui.Server.Api.NamespaceFileAsync(ns, "/data/keep.txt"));
    }

    [Fact]
    public async Task FilesPage_ReachedFromAFlowsNamespace_SaysWhatToDoWhenEmpty_AndShowsTheApiMessageForARefusedPath()
    {
        await ui.Server.Api.DeployAsync("""
            id: lonely
            namespace: ui.files.empty
            tasks:
              - id: hello
                type: io.kestra.plugin.core.log.Log
                message: hi
            """);
        var page = await ui.NewPageAsync();
        await page.GotoAsync("/ui/flows/ui.files.empty/lonely");

        await page.Locator("[data-test=flow-namespace]").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/ui/namespaces/ui\.files\.empty/files$"));
        await Assertions.Expect(page.Locator("[data-test=empty]")).ToContainTextAsync("Create one with New file or Upload");
        await Assertions.Expect(page.Locator("[data-test=namespace-picker]")).ToHaveValueAsync("ui.files.empty");
        await page.Locator("[data-test=new-file]").ClickAsync();
        await page.Locator("[data-test=path-input]").FillAsync("../escape.py");
        await page.Locator("[data-test=path-submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=files-error]")).ToContainTextAsync("..");
        Assert.Null(await ui.Server.Api.NamespaceFileAsync("ui.files.empty", "/escape.py"));
    }
}
