using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Harrier.Server.Tests.Support;
using Harrier.TestKit.Support;

namespace Harrier.Server.Tests.Executions;

/// <summary>Kestra's bulk kill and restart by ids: 200 <c>{count}</c>, or 400 naming every id that cannot be acted on (and nothing done).</summary>
public sealed class BulkKillRestartTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Http => fixture.Http;

    private async Task<string> EndStateAsync(string id)
    {
        await using var follow = await SseClient.OpenAsync(Http, $"executions/{id}/follow");
        return (await follow.ReadToEndAsync(TimeSpan.FromSeconds(60))).Last().Json.State();
    }

    private Task<HttpResponseMessage> KillByIdsAsync(params string[] ids) =>
        Http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "executions/kill/by-ids") { Content = JsonContent.Create(ids) });

    private static IReadOnlyList<(string Id, string Message)> Invalids(JsonObject body) =>
        [.. body["invalids"]!.AsArray().Select(i => (i!["invalidValue"]!.GetValue<string>(), i["message"]!.GetValue<string>())).OrderBy(i => i.Item1, StringComparer.Ordinal)];

    [Fact]
    public async Task KillByIds_OfTwoRunningExecutions_Answers200WithTheCount_AndBothEndKilled()
    {
        using var folder = new TempDirectory();
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(TestFlows.WaitsFor(ns, folder.File("never")));
        var first = (await Http.ExecuteAsync(ns, "waiting", wait: false)).Id();
        var second = (await Http.ExecuteAsync(ns, "waiting", wait: false)).Id();

        using var response = await KillByIdsAsync(first, second);

        Assert.Equal(2, (await response.JsonAsync(HttpStatusCode.OK))["count"]!.GetValue<int>());
        Assert.Equal(("KILLED", "KILLED"), (await EndStateAsync(first), await EndStateAsync(second)));
    }

    [Fact]
    public async Task KillByIds_WithAnEndedAndAnUnknownId_Answers400NamingBoth_AndKillsNothing()
    {
        using var folder = new TempDirectory();
        var release = folder.File("release");
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(TestFlows.OneLog(ns));
        await Http.DeployAsync(TestFlows.WaitsFor(ns, release));
        var ended = (await Http.ExecuteAsync(ns, "hello")).Id();
        var running = (await Http.ExecuteAsync(ns, "waiting", wait: false)).Id();

        using var response = await KillByIdsAsync(running, ended, "nope");

        var body = await response.JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("invalid bulk kill", body["message"]!.GetValue<string>());
        var invalids = Invalids(body);
        Assert.Equal(new[] { "nope", ended }.Order(StringComparer.Ordinal), invalids.Select(i => i.Id));
        Assert.Contains(invalids, i => i.Id == ended && i.Message.StartsWith("execution already finished", StringComparison.Ordinal));
        Assert.Contains(invalids, i => i.Id == "nope" && i.Message == "execution not found");
        await File.WriteAllTextAsync(release, "");
        Assert.Equal("SUCCESS", await EndStateAsync(running));
    }

    [Fact]
    public async Task RestartByIds_OfTwoFailedExecutions_Answers200WithTheCount_AndRunsTheirFailedTasksAgain()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(TestFlows.Failing(ns));
        var first = await Http.ExecuteAsync(ns, "failing");
        var second = await Http.ExecuteAsync(ns, "failing");
        Assert.Equal(("FAILED", "FAILED"), (first.State(), second.State()));

        using var response = await Http.PostAsJsonAsync("executions/restart/by-ids", new[] { first.Id(), second.Id() });

        Assert.Equal(2, (await response.JsonAsync(HttpStatusCode.OK))["count"]!.GetValue<int>());
        Assert.Equal(("FAILED", "FAILED"), (await EndStateAsync(first.Id()), await EndStateAsync(second.Id())));
        foreach (var id in new[] { first.Id(), second.Id() })
        {
            var execution = await Http.GetJsonAsync($"executions/{id}");
            Assert.Equal(2, execution.TaskRun("fail")["attempts"]!.AsArray().Count);
        }
    }

    [Fact]
    public async Task RestartByIds_WithASuccessfulExecution_Answers400WithTheReason_AndRestartsNothing()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(TestFlows.OneLog(ns));
        await Http.DeployAsync(TestFlows.Failing(ns));
        var failed = (await Http.ExecuteAsync(ns, "failing")).Id();
        var succeeded = (await Http.ExecuteAsync(ns, "hello")).Id();

        using var response = await Http.PostAsJsonAsync("executions/restart/by-ids", new[] { failed, succeeded });
        using var malformed = await Http.PostAsync("executions/restart/by-ids", new StringContent("{\"ids\": 1}", System.Text.Encoding.UTF8, "application/json"));

        var body = await response.JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("invalid bulk restart", body["message"]!.GetValue<string>());
        Assert.Equal(succeeded, Assert.Single(Invalids(body)).Id);
        var untouched = await Http.GetJsonAsync($"executions/{failed}");
        Assert.Equal(("FAILED", 1), (untouched.State(), untouched.TaskRun("fail")["attempts"]!.AsArray().Count));
        Assert.Contains("JSON array", (await malformed.JsonAsync(HttpStatusCode.BadRequest)).Error().Message, StringComparison.Ordinal);
    }
}
