using System.Net;
using Harrier.Server.Tests.Support;

namespace Harrier.Server.Tests.Executions;

/// <summary><c>GET /executions/{id}/file</c> and <c>/file/metas</c>: only that execution's own files, nothing else.</summary>
public sealed class ExecutionFileTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Http => fixture.Http;

    private static string Writer(string ns) => $"""
        id: writer
        namespace: {ns}
        tasks:
          - id: write
            type: io.kestra.plugin.scripts.shell.Commands
            outputFiles: ["out.txt"]
            commands:
              - printf 'made by the task' > out.txt
        """;

    private async Task<(string Id, string Uri)> RunWriterAsync(string ns)
    {
        var execution = await Http.ExecuteAsync(ns, "writer");
        Assert.Equal("SUCCESS", execution.State());
        return (execution.Id(), execution.TaskRun("write")["outputs"]!["outputFiles"]!["out.txt"]!.GetValue<string>());
    }

    [Fact]
    public async Task File_OfTheExecution_IsDownloaded_AndItsMetasGiveItsSize()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(Writer(ns));
        var (id, uri) = await RunWriterAsync(ns);

        using var file = await Http.GetAsync($"executions/{id}/file?path={Uri.EscapeDataString(uri)}");
        var metas = await Http.GetJsonAsync($"executions/{id}/file/metas?path={Uri.EscapeDataString(uri)}");

        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("made by the task", await file.Content.ReadAsStringAsync());
        Assert.Equal("out.txt", file.Content.Headers.ContentDisposition?.FileNameStar ?? file.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(16, metas["size"]!.GetValue<long>());
    }

    [Fact]
    public async Task File_OfAnotherExecution_OrOutsideItsFolder_OrWithDotDot_IsRefused()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(Writer(ns));
        var (first, firstUri) = await RunWriterAsync(ns);
        var (second, _) = await RunWriterAsync(ns);
        var dotted = firstUri.Replace("/tasks/", "/tasks/../../", StringComparison.Ordinal);

        foreach (var path in new[] { firstUri, $"harrier:///{ns.Replace('.', '/')}/_files/secret.txt", dotted, "file:///etc/passwd" })
        {
            using var response = await Http.GetAsync($"executions/{second}/file?path={Uri.EscapeDataString(path)}");
            Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        using var missing = await Http.GetAsync($"executions/{first}/file?path={Uri.EscapeDataString(firstUri + ".nope")}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
