using System.Net;
using Harrier.Server.Tests.Support;
using Harrier.TestKit.Support;

namespace Harrier.Server.Tests.Executions;

/// <summary>Kill (202, 409 when ended, 404 when unknown) and delete (204, 409 while running) of executions.</summary>
public sealed class KillAndDeleteTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task KillExecution_WhileATaskRuns_Returns202_AndTheExecutionEndsKilled()
    {
        using var folder = new TempDirectory();
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(TestFlows.WaitsFor(ns, folder.File("never")));
        var created = await Http.ExecuteAsync(ns, "waiting", wait: false);
        await using var logs = await SseClient.OpenAsync(Http, $"logs/{created.Id()}/follow");
        while (await logs.NextAsync() is { } line && !line.Data.Contains("started", StringComparison.Ordinal))
        {
        }

        using var kill = await Http.DeleteAsync($"executions/{created.Id()}/kill");
        using var again = await Http.DeleteAsync($"executions/{created.Id()}/kill");

        // A second kill is accepted while the execution is still being killed, refused once it has ended.
        Assert.Equal(HttpStatusCode.Accepted, kill.StatusCode);
        Assert.Contains(again.StatusCode, new[] { HttpStatusCode.Accepted, HttpStatusCode.Conflict });
        await using var follow = await SseClient.OpenAsync(Http, $"executions/{created.Id()}/follow");
        var end = (await follow.ReadToEndAsync(TimeSpan.FromSeconds(30))).Last();
        Assert.Equal(("end", "KILLED"), (end.Id, end.Json.State()));
        Assert.Equal("KILLED", end.Json.TaskRun("wait")["state"]!["current"]!.GetValue<string>());
    }

    [Fact]
    public async Task KillExecution_ThatHasEnded_Returns409_AndAnUnknownOne_Returns404()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(TestFlows.OneLog(ns));
        var done = await Http.ExecuteAsync(ns, "hello");

        using var ended = await Http.DeleteAsync($"executions/{done.Id()}/kill");
        using var unknown = await Http.DeleteAsync("executions/nope/kill");

        Assert.Contains("already ended", (await ended.JsonAsync(HttpStatusCode.Conflict)).Error().Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task DeleteExecution_OfAnEndedOne_Returns204_AndItsLogsAndFilesGoWithIt()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(TestFlows.OneLog(ns));
        var done = await Http.ExecuteAsync(ns, "hello");
        Assert.NotEmpty(await Http.GetArrayAsync($"logs/{done.Id()}"));

        using var deleted = await Http.DeleteAsync($"executions/{done.Id()}");
        using var get = await Http.GetAsync($"executions/{done.Id()}");
        using var logs = await Http.GetAsync($"logs/{done.Id()}");
        using var again = await Http.DeleteAsync($"executions/{done.Id()}");

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound),
            (deleted.StatusCode, get.StatusCode, logs.StatusCode, again.StatusCode));
    }

    [Fact]
    public async Task DeleteExecution_WhileItRuns_Returns409_AndKeepsIt()
    {
        using var folder = new TempDirectory();
        var release = folder.File("release");
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(TestFlows.WaitsFor(ns, release));
        var created = await Http.ExecuteAsync(ns, "waiting", wait: false);

        using var refused = await Http.DeleteAsync($"executions/{created.Id()}");

        Assert.Contains("kill it", (await refused.JsonAsync(HttpStatusCode.Conflict)).Error().Message, StringComparison.Ordinal);
        await File.WriteAllTextAsync(release, "");
        await using var follow = await SseClient.OpenAsync(Http, $"executions/{created.Id()}/follow");
        Assert.Equal("SUCCESS", (await follow.ReadToEndAsync()).Last().Json.State());
    }
}
