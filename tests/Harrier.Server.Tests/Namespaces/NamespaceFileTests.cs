using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Harrier.Server.Tests.Support;

namespace Harrier.Server.Tests.Namespaces;

/// <summary>Namespace files over the API, and a task that reads them with <c>namespaceFiles</c>.</summary>
public sealed class NamespaceFileTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Http => fixture.Http;

    private async Task UploadAsync(string ns, string path, string content, string fileName = "file")
    {
        using var form = new MultipartFormDataContent();
        form.AddFile("fileContent", fileName, content);
        using var response = await Http.PostAsync($"namespaces/{ns}/files?path={Uri.EscapeDataString(path)}", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Upload_ThenGet_List_Stats_Search_Move_Delete()
    {
        var ns = ApiCalls.UniqueNamespace();
        await UploadAsync(ns, "/scripts/hello.sh", "echo hello");
        await UploadAsync(ns, "/readme.md", "# read me");

        using var content = await Http.GetAsync($"namespaces/{ns}/files?path=/scripts/hello.sh");
        var root = await Http.GetArrayAsync($"namespaces/{ns}/files/directory");
        var stats = await Http.GetJsonAsync($"namespaces/{ns}/files/stats?path=/readme.md");
        var found = await Http.GetArrayAsync($"namespaces/{ns}/files/search?q=hello");

        Assert.Equal("echo hello", await content.Content.ReadAsStringAsync());
        Assert.Equal([("scripts", "Directory"), ("readme.md", "File")], root.Select(a => (a!["fileName"]!.GetValue<string>(), a["type"]!.GetValue<string>())));
        Assert.Equal(("File", 9), (stats["type"]!.GetValue<string>(), stats["size"]!.GetValue<int>()));
        Assert.Equal(["/scripts/hello.sh"], found.Select(p => p!.GetValue<string>()));

        using var move = await Http.PutAsync($"namespaces/{ns}/files?from=/scripts&to=/bin", null);
        using var delete = await Http.DeleteAsync($"namespaces/{ns}/files?path=/readme.md");
        using var gone = await Http.GetAsync($"namespaces/{ns}/files?path=/readme.md");
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.NotFound), (move.StatusCode, delete.StatusCode, gone.StatusCode));
        Assert.Equal(["/bin/hello.sh"], (await Http.GetArrayAsync($"namespaces/{ns}/files/search?q=")).Select(p => p!.GetValue<string>()));
    }

    [Fact]
    public async Task UploadedFiles_AreWhatTasksGetWithNamespaceFiles()
    {
        var ns = ApiCalls.UniqueNamespace();
        await UploadAsync(ns, "/lib/greeting.txt", "from the namespace");
        await Http.DeployAsync($"""
            id: reader
            namespace: {ns}
            tasks:
              - id: read
                type: io.kestra.plugin.scripts.shell.Commands
                namespaceFiles:
                  enabled: true
                commands:
                  - cat lib/greeting.txt
            """);

        var execution = await Http.ExecuteAsync(ns, "reader");

        Assert.Equal("SUCCESS", execution.State());
        Assert.Contains(await Http.GetArrayAsync($"logs/{execution.Id()}"), l => l!["message"]!.GetValue<string>() == "from the namespace");
    }

    [Fact]
    public async Task UploadOfAZip_UnpacksIt()
    {
        var ns = ApiCalls.UniqueNamespace();
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var entry = archive.CreateEntry("a/b.txt").Open();
            await entry.WriteAsync(Encoding.UTF8.GetBytes("zipped"));
        }

        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(zip.ToArray());
        part.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        form.Add(part, "fileContent", "bundle.zip");
        using var response = await Http.PostAsync($"namespaces/{ns}/files?path=/", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var file = await Http.GetAsync($"namespaces/{ns}/files?path=/a/b.txt");
        Assert.Equal("zipped", await file.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PathsThatLeaveTheNamespace_AreRefused_AndMissingFiles_Are404()
    {
        var ns = ApiCalls.UniqueNamespace();

        using var dotdot = await Http.GetAsync($"namespaces/{ns}/files?path={Uri.EscapeDataString("/../../secret")}");
        using var upload = await Http.PostAsync($"namespaces/{ns}/files?path={Uri.EscapeDataString("/a/../../b")}", ApiCalls.Form(("x", "y")));
        using var missing = await Http.GetAsync($"namespaces/{ns}/files?path=/nope.txt");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, dotdot.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, upload.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
