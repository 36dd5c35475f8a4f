using System.Net;
using System.Text.Json.Nodes;
using Harrier.Server.Tests.Support;
using Harrier.TestKit.Support;

namespace Harrier.Server.Tests.Executions;

/// <summary>
/// Kestra's bulk kill and restart by query: every execution the search's filters match is acted on, those that cannot be
/// are skipped and named (200 <c>{count, invalids}</c>).
/// </summary>
public sealed class BulkByQueryTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Http => fixture.Http;

    private async Task<string> EndStateAsync(string id)
    {
        await using var follow = await SseClient.OpenAsync(Http, $"executions/{id}/follow");
        return (await follow.ReadToEndAsync(TimeSpan.FromSeconds(60))).Last().Json.State();
    }

    private static string[] Skipped(JsonObject body) =>
        [.. body["invalids"]!.AsArray().Select(i => i!["invalidValue"]!.GetValue<string>()).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task KillByQuery_KillsTheRunningMatches_SkipsAndNamesTheEndedOne_AndLeavesWhatTheFilterExcludes()
    {
        using var folder = new TempDirectory();
        var release = folder.File("release");
        var ns = ApiCalls.UniqueNamespace();
        var other = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(TestFlows.OneLog(ns));
        await Http.DeployAsync(TestFlows.WaitsFor(ns, release));
        await Http.DeployAsync(TestFlows.WaitsFor(other, release));
        var ended = (await Http.ExecuteAsync(ns, "hello")).Id();
        var first = (await Http.ExecuteAsync(ns, "waiting", wait: false)).Id();
        var second = (await Http.ExecuteAsync(ns, "waiting", wait: false)).Id();
        var elsewhere = (await Http.ExecuteAsync(other, "waiting", wait: false)).Id();

        using var response = await Http.DeleteAsync($"executions/kill/by-query?filters[namespace][EQUALS]={ns}");

        var body = await response.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, body["count"]!.GetValue<int>());
        Assert.Equal([ended], Skipped(body));
        Assert.StartsWith("execution already finished", body["invalids"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(("KILLED", "KILLED"), (await EndStateAsync(first), await EndStateAsync(second)));
        await File.WriteAllTextAsync(release, "");
        Assert.Equal("SUCCESS", await EndStateAsync(elsewhere));
    }

    [Fact]
    public async Task RestartByQuery_WithTheLegacyNamespaceParameter_RestartsTheFailedMatches_AndSkipsTheSuccessfulOneWithTheReason()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(TestFlows.OneLog(ns));
        await Http.DeployAsync(TestFlows.Failing(ns));
        var first = (await Http.ExecuteAsync(ns, "failing")).Id();
        var second = (await Http.ExecuteAsync(ns, "failing")).Id();
        var succeeded = (await Http.ExecuteAsync(ns, "hello")).Id();

        using var response = await Http.PostAsync($"executions/restart/by-query?namespace={ns}", content: null);

        var body = await response.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, body["count"]!.GetValue<int>());
        Assert.Equal([succeeded], Skipped(body));
        Assert.Equal(("FAILED", "FAILED"), (await EndStateAsync(first), await EndStateAsync(second)));
        foreach (var id in new[] { first, second })
        {
            Assert.Equal(2, (await Http.GetJsonAsync($"executions/{id}")).TaskRun("fail")["attempts"]!.AsArray().Count);
        }
    }

    [Fact]
    public async Task KillByQuery_MatchingNothing_Answers200WithACountOfZero_AndABadFilterIs422()
    {
        using var none = await Http.DeleteAsync($"executions/kill/by-query?filters[namespace][EQUALS]={ApiCalls.UniqueNamespace()}");
        using var bad = await Http.DeleteAsync("executions/kill/by-query?filters[namespace][SOMETIMES]=x");

        var body = await none.JsonAsync(HttpStatusCode.OK);
        Assert.Equal((0, 0), (body["count"]!.GetValue<int>(), body["invalids"]!.AsArray().Count));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
    }
}
