using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.Http;

/// <summary>io.kestra.plugin.core.http.Download (and its fs.http alias) against a real server on 127.0.0.1.</summary>
public sealed class HttpDownloadFlowTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();
    private readonly LoopbackHttpServer _server = new();

    public void Dispose()
    {
        _server.Dispose();
        _dir.Dispose();
    }

    [Theory]
    [InlineData("io.kestra.plugin.core.http.Download")]
    [InlineData("io.kestra.plugin.fs.http.Download")]
    public void Download_StoresTheBody_AndOutputsUriCodeAndLength(string type)
    {
        var run = FlowRun.Of(_dir.Path, $$$"""
            id: http_download
            namespace: harrier.tests
            tasks:
              - id: download
                type: {{{type}}}
                uri: {{{_server.Url("/files/report.csv")}}}
              - id: read
                type: io.kestra.plugin.core.log.Log
                message: "{{ read(outputs.download.uri) | trim }}|{{ outputs.download.code }}|{{ outputs.download.length }}"
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(["a,b\n1,2|200|8"], run.Messages("read"));
        Assert.EndsWith("/report.csv", run.Run("download").GetProperty("outputs").GetProperty("uri").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void DownloadOfAnEmptyBody_Fails_UnlessFailOnEmptyResponseIsFalse()
    {
        var run = FlowRun.Of(_dir.Path, $$$"""
            id: http_download_empty
            namespace: harrier.tests
            tasks:
              - id: lenient
                type: io.kestra.plugin.core.http.Download
                uri: {{{_server.Url("/empty")}}}
                failOnEmptyResponse: false
              - id: strict
                type: io.kestra.plugin.core.http.Download
                uri: {{{_server.Url("/empty")}}}
            """);

        Assert.Equal("FAILED", run.State);
        Assert.Equal(0, run.Run("lenient").GetProperty("outputs").GetProperty("length").GetInt32());
        Assert.Contains(run.Messages("strict"), m => m.Contains("empty body", StringComparison.Ordinal));
    }

    [Fact]
    public void DownloadOf404_Fails()
    {
        var run = FlowRun.Of(_dir.Path, $$$"""
            id: http_download_404
            namespace: harrier.tests
            tasks:
              - id: download
                type: io.kestra.plugin.core.http.Download
                uri: {{{_server.Url("/missing")}}}
            """);

        Assert.Equal("FAILED", run.State);
        Assert.Contains(run.Messages("download"), m => m.Contains("'404'", StringComparison.Ordinal));
    }
}
