using System.Net;
using Harrier.Server.Tests.Support;

namespace Harrier.Server.Tests.Executions;

/// <summary>The file preview's kinds beyond text, as Kestra's FileRender: ION rows as a LIST, Markdown, images and PDFs in base64.</summary>
public sealed class FilePreviewKindsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Http => fixture.Http;

    // The smallest PNG there is: one transparent pixel.
    private const string PixelPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    [Fact]
    public async Task Preview_OfIonMarkdownImageAndOversizedFiles_GivesRowsMarkdownBase64_AndRefusesTheOversizedOneWithTheLimit()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync($$"""
            id: kinds
            namespace: {{ns}}
            tasks:
              - id: write
                type: io.kestra.plugin.scripts.shell.Commands
                outputFiles: ["rows.ion", "notes.md", "pixel.png", "broken.ion", "huge.png"]
                commands:
                  - printf '{id:1,name:"first"}\n{id:2,name:"second",tags:[a,b]}\n{id:3,name:"third"}\n' > rows.ion
                  - printf '# Title\n\n*some* text\n' > notes.md
                  - echo '{{PixelPng}}' | base64 -d > pixel.png
                  - printf 'not { ion\n' > broken.ion
                  - head -c 9000000 /dev/zero > huge.png
            """);
        var execution = await Http.ExecuteAsync(ns, "kinds");
        Assert.Equal("SUCCESS", execution.State());
        string Preview(string file, int rows = 100) =>
            $"executions/{execution.Id()}/file/preview?maxRows={rows}&path={Uri.EscapeDataString(execution.TaskRun("write")["outputs"]!["outputFiles"]![file]!.GetValue<string>())}";

        var ion = await Http.GetJsonAsync(Preview("rows.ion", rows: 2));
        var markdown = await Http.GetJsonAsync(Preview("notes.md"));
        var image = await Http.GetJsonAsync(Preview("pixel.png"));
        var broken = await Http.GetJsonAsync(Preview("broken.ion"));
        using var huge = await Http.GetAsync(Preview("huge.png"));

        Assert.Equal(("LIST", true, 2), (ion["type"]!.GetValue<string>(), ion["truncated"]!.GetValue<bool>(), ion["maxLine"]!.GetValue<int>()));
        var rows = ion["content"]!.AsArray();
        Assert.Equal(2, rows.Count);
        Assert.Equal(("second", "b"), (rows[1]!["name"]!.GetValue<string>(), rows[1]!["tags"]![1]!.GetValue<string>()));
        Assert.Equal(("MARKDOWN", "# Title\n\n*some* text\n"), (markdown["type"]!.GetValue<string>(), markdown["content"]!.GetValue<string>()));
        Assert.Equal(("IMAGE", "png", PixelPng), (image["type"]!.GetValue<string>(), image["extension"]!.GetValue<string>(), image["content"]!.GetValue<string>()));
        Assert.Equal(("TEXT", "not { ion\n"), (broken["type"]!.GetValue<string>(), broken["content"]!.GetValue<string>()));
        Assert.Contains("over the preview limit of 8 MiB", (await huge.JsonAsync(HttpStatusCode.UnprocessableEntity)).Error().Message, StringComparison.Ordinal);
    }
}
