using System.Net;
using Harrier.Server.Tests.Support;

namespace Harrier.Server.Tests.Logs;

/// <summary>An execution's logs: filtered lists, the text download, search across executions.</summary>
public sealed class LogEndpointsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Http => fixture.Http;

    private static string Chatty(string ns) => $"""
        id: chatty
        namespace: {ns}
        tasks:
          - id: first
            type: io.kestra.plugin.core.log.Log
            message: "one"
          - id: second
            type: io.kestra.plugin.core.log.Log
            level: DEBUG
            message: "two"
          - id: third
            type: io.kestra.plugin.core.log.Log
            level: ERROR
            message: "three"
        """;

    private static string[] Messages(System.Text.Json.Nodes.JsonArray lines) => [.. lines.Select(l => l!["message"]!.GetValue<string>())];

    [Fact]
    public async Task Logs_ListEveryLineInOrder_InKestrasShape_AndFilterByLevelTaskAndTaskRun()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(Chatty(ns));
        var execution = await Http.ExecuteAsync(ns, "chatty");
        var secondRun = execution.TaskRun("second").Id();

        var all = await Http.GetArrayAsync($"logs/{execution.Id()}");
        var info = await Http.GetArrayAsync($"logs/{execution.Id()}?minLevel=INFO");
        var byTask = await Http.GetArrayAsync($"logs/{execution.Id()}?taskId=third");
        var byRun = await Http.GetArrayAsync($"logs/{execution.Id()}?filters[taskRunId][EQUALS]={secondRun}");

        Assert.Equal(["one", "two", "three"], Messages(all));
        var first = all[0]!.AsObject();
        Assert.Equal((ns, "chatty", "first", execution.Id(), "INFO"),
            (first["namespace"]!.GetValue<string>(), first["flowId"]!.GetValue<string>(), first["taskId"]!.GetValue<string>(), first["executionId"]!.GetValue<string>(), first["level"]!.GetValue<string>()));
        Assert.Equal(["one", "three"], Messages(info));
        Assert.Equal(["three"], Messages(byTask));
        Assert.Equal(["two"], Messages(byRun));
    }

    [Fact]
    public async Task Logs_FilteredByAText_KeepTheLinesWhoseMessageContainsIt_IgnoringCase_InTheListAndTheDownload()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(Chatty(ns));
        var execution = await Http.ExecuteAsync(ns, "chatty");

        var legacy = await Http.GetArrayAsync($"logs/{execution.Id()}?q=T");
        var filtered = await Http.GetArrayAsync($"logs/{execution.Id()}?filters[q][EQUALS]=HREE");
        using var download = await Http.GetAsync($"logs/{execution.Id()}/download?q=wo");

        Assert.Equal(["two", "three"], Messages(legacy));
        Assert.Equal(["three"], Messages(filtered));
        Assert.EndsWith(" DEBUG [second] two", (await download.Content.ReadAsStringAsync()).TrimEnd('\n'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_GivesTheLinesAsText_AndUnknownExecutions_Are404()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(Chatty(ns));
        var execution = await Http.ExecuteAsync(ns, "chatty");

        using var download = await Http.GetAsync($"logs/{execution.Id()}/download");
        using var unknown = await Http.GetAsync("logs/nope");

        var lines = (await download.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("text/plain", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(3, lines.Length);
        Assert.EndsWith(" ERROR [third] three", lines[2], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Search_FindsLinesAcrossExecutions_ByNamespaceAndLevel_NewestFirst()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(Chatty(ns));
        await Http.ExecuteAsync(ns, "chatty");
        await Http.ExecuteAsync(ns, "chatty");

        var errors = await Http.GetJsonAsync($"logs/search?filters[namespace][EQUALS]={ns}&filters[level][EQUALS]=ERROR");
        var page = await Http.GetJsonAsync($"logs/search?filters[namespace][EQUALS]={ns}&size=2&page=2&sort=timestamp:asc");

        Assert.Equal(2, errors["total"]!.GetValue<int>());
        Assert.All(errors["results"]!.AsArray(), l => Assert.Equal("three", l!["message"]!.GetValue<string>()));
        Assert.Equal(6, page["total"]!.GetValue<int>());
        Assert.Equal(["three", "one"], Messages(page["results"]!.AsArray()));
    }
}
