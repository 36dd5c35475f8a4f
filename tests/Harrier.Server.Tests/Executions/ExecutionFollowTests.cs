using System.Net;
using Harrier.Server.Tests.Support;
using Harrier.TestKit.Support;

namespace Harrier.Server.Tests.Executions;

/// <summary><c>GET /executions/{id}/follow</c> with Kestra's framing: start, progress while it runs, end, then the server closes.</summary>
public sealed class ExecutionFollowTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task Follow_SendsStart_ThenProgressWhileItRuns_ThenEnd_AndCloses()
    {
        using var folder = new TempDirectory();
        var release = folder.File("release");
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(TestFlows.WaitsFor(ns, release));
        var created = await Http.ExecuteAsync(ns, "waiting", wait: false);

        await using var follow = await SseClient.OpenAsync(Http, $"executions/{created.Id()}/follow");
        Assert.Equal((HttpStatusCode.OK, "text/event-stream"), (follow.Status, follow.ContentType));
        var start = await follow.NextAsync();
        Assert.Equal(("start", $"{{\"id\":\"{created.Id()}\"}}"), (start!.Id, start.Data));
        var progress = await follow.NextAsync();
        Assert.Equal("progress", progress!.Id);
        Assert.NotEqual("SUCCESS", progress.Json.State());
        await File.WriteAllTextAsync(release, "");
        var rest = await follow.ReadToEndAsync();

        Assert.All(rest.SkipLast(1), e => Assert.Equal("progress", e.Id));
        Assert.Equal(("end", "SUCCESS"), (rest[^1].Id, rest[^1].Json.State()));
        Assert.Equal("SUCCESS", rest[^1].Json.TaskRun("wait")["state"]!["current"]!.GetValue<string>());
    }

    [Fact]
    public async Task Follow_OfAnEndedExecution_SendsStartAndEnd_AndOfAnUnknownOne_Returns404()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(TestFlows.OneLog(ns));
        var done = await Http.ExecuteAsync(ns, "hello");

        await using var follow = await SseClient.OpenAsync(Http, $"executions/{done.Id()}/follow");
        var events = await follow.ReadToEndAsync();
        using var unknown = await Http.GetAsync("executions/nope/follow");

        Assert.Equal(["start", "end"], events.Select(e => e.Id));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
