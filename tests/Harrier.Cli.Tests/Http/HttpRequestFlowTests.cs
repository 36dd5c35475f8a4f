using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.Http;

/// <summary>io.kestra.plugin.core.http.Request against a real server on 127.0.0.1.</summary>
public sealed class HttpRequestFlowTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();
    private readonly LoopbackHttpServer _server = new();

    public void Dispose()
    {
        _server.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void RequestGet_OutputsCodeHeadersAndBody_ForLaterTasks()
    {
        var run = FlowRun.Of(_dir.Path, $$$"""
            id: http_get
            namespace: harrier.tests
            tasks:
              - id: request
                type: io.kestra.plugin.core.http.Request
                uri: {{{_server.Url("/json")}}}
              - id: use
                type: io.kestra.plugin.core.log.Log
                message: "{{ outputs.request.code }} {{ fromJson(outputs.request.body).hello }} {{ outputs.request.headers['x-test'] | first }}"
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(["200 world one"], run.Messages("use"));
        Assert.Equal(_server.Url("/json"), run.Run("request").GetProperty("outputs").GetProperty("uri").GetString());
    }

    [Fact]
    public void RequestPost_SendsTheBodyAsItsContentType_WithTheHeaders()
    {
        var run = FlowRun.Of(_dir.Path, $$$"""
            id: http_post
            namespace: harrier.tests
            tasks:
              - id: request
                type: io.kestra.plugin.core.http.Request
                uri: {{{_server.Url("/echo")}}}
                method: POST
                contentType: application/json
                headers:
                  user-agent: harrier-test
                body: '{"title": "Kestra Pen"}'
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.StartsWith("POST application/json {\"title\": \"Kestra Pen\"}", run.Run("request").GetProperty("outputs").GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal("harrier-test", _server.Received.Single().Headers["User-Agent"]);
    }

    [Fact]
    public void RequestFormData_IsUrlEncoded_OrMultipartWithAStorageFileAsAFilePart()
    {
        var run = FlowRun.Of(_dir.Path, $$$"""
            id: http_form
            namespace: harrier.tests
            tasks:
              - id: make
                type: io.kestra.plugin.scripts.shell.Commands
                outputFiles: [data.csv]
                commands: ["printf 'x,y\\n' > data.csv"]
              - id: form
                type: io.kestra.plugin.core.http.Request
                uri: {{{_server.Url("/echo")}}}
                method: POST
                formData:
                  user: John Doe
              - id: multipart
                type: io.kestra.plugin.core.http.Request
                uri: {{{_server.Url("/echo")}}}
                method: POST
                contentType: multipart/form-data
                formData:
                  note: hello
                  upload: "{{ outputs.make.outputFiles['data.csv'] }}"
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        var received = _server.Received.ToList();
        Assert.Equal("user=John+Doe", received[0].Text);
        Assert.StartsWith("application/x-www-form-urlencoded", received[0].Headers["Content-Type"], StringComparison.Ordinal);
        Assert.StartsWith("multipart/form-data", received[1].Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Contains("name=upload; filename=data.csv", received[1].Text, StringComparison.Ordinal);
        Assert.Contains("x,y\n", received[1].Text, StringComparison.Ordinal);
        Assert.Contains("name=note", received[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void RequestAuth_SendsBasicAndBearerCredentials()
    {
        var run = FlowRun.Of(_dir.Path, $$$"""
            id: http_auth
            namespace: harrier.tests
            tasks:
              - id: basic
                type: io.kestra.plugin.core.http.Request
                uri: {{{_server.Url("/json")}}}
                options:
                  auth: {type: BASIC, username: john, password: s3cret}
              - id: bearer
                type: io.kestra.plugin.core.http.Request
                uri: {{{_server.Url("/json")}}}
                options:
                  auth: {type: BEARER, token: abc.def}
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        var received = _server.Received.ToList();
        Assert.Equal("Basic " + Convert.ToBase64String("john:s3cret"u8.ToArray()), received[0].Headers["Authorization"]);
        Assert.Equal("Bearer abc.def", received[1].Headers["Authorization"]);
    }

    [Fact]
    public void Request404_FailsTheTask_UnlessAllowFailed_WhichKeepsTheCode()
    {
        var run = FlowRun.Of(_dir.Path, $$$"""
            id: http_404
            namespace: harrier.tests
            tasks:
              - id: allowed
                type: io.kestra.plugin.core.http.Request
                uri: {{{_server.Url("/missing")}}}
                options: {allowFailed: true}
              - id: strict
                type: io.kestra.plugin.core.http.Request
                uri: {{{_server.Url("/missing")}}}
            """);

        Assert.Equal("FAILED", run.State);
        Assert.Equal("SUCCESS", run.StateOf("allowed"));
        Assert.Equal(404, run.Run("allowed").GetProperty("outputs").GetProperty("code").GetInt32());
        Assert.Equal("nope", run.Run("allowed").GetProperty("outputs").GetProperty("body").GetString());
        Assert.Contains(run.Messages("strict"), m => m.Contains("Failed http request with response code '404'", StringComparison.Ordinal));
    }

    [Fact]
    public void RequestReadTimeout_FailsSayingSo()
    {
        var run = FlowRun.Of(_dir.Path, $$$"""
            id: http_timeout
            namespace: harrier.tests
            tasks:
              - id: slow
                type: io.kestra.plugin.core.http.Request
                uri: {{{_server.Url("/slow")}}}
                options:
                  timeout: {readIdleTimeout: PT0.5S}
            """);

        Assert.Equal("FAILED", run.State);
        Assert.Contains(run.Messages("slow"), m => m.Contains("no response within", StringComparison.Ordinal));
    }

    [Fact]
    public void RequestRedirect_IsFollowedByDefault_AndNotWhenDisabled()
    {
        var run = FlowRun.Of(_dir.Path, $$$"""
            id: http_redirect
            namespace: harrier.tests
            tasks:
              - id: follow
                type: io.kestra.plugin.core.http.Request
                uri: {{{_server.Url("/redirect")}}}
              - id: stay
                type: io.kestra.plugin.fs.http.Request
                uri: {{{_server.Url("/redirect")}}}
                options: {followRedirects: false}
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(200, run.Run("follow").GetProperty("outputs").GetProperty("code").GetInt32());
        Assert.Equal(302, run.Run("stay").GetProperty("outputs").GetProperty("code").GetInt32());
    }
}
