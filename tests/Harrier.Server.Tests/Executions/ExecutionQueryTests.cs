using System.Net;
using Harrier.Server.Tests.Support;

namespace Harrier.Server.Tests.Executions;

/// <summary>Reading executions: by id (404 when unknown), search with filters and legacy parameters, by flow.</summary>
public sealed class ExecutionQueryTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Http => fixture.Http;

    private static string[] Flows(System.Text.Json.Nodes.JsonObject page) => [.. page["results"]!.AsArray().Select(e => e!["flowId"]!.GetValue<string>())];

    [Fact]
    public async Task GetExecution_ReturnsTheStoredExecution_And404ForAnUnknownOne()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(TestFlows.OneLog(ns));
        var execution = await Http.ExecuteAsync(ns, "hello");

        var read = await Http.GetJsonAsync($"executions/{execution.Id()}");
        using var unknown = await Http.GetAsync("executions/nope");

        Assert.Equal(("SUCCESS", "greet"), (read.State(), read["taskRunList"]![0]!["taskId"]!.GetValue<string>()));
        Assert.Contains("no execution nope", (await unknown.JsonAsync(HttpStatusCode.NotFound)).Error().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_FiltersByNamespaceFlowStateAndLabels_NewestFirst_WithTheTotal()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(TestFlows.OneLog(ns));
        await Http.DeployAsync(TestFlows.Failing(ns));
        await Http.ExecuteAsync(ns, "hello");
        await Http.ExecuteAsync(ns, "failing");
        await Http.ExecuteAsync(ns, "hello?wait=true&labels=env:prod", wait: false);

        var all = await Http.GetJsonAsync($"executions/search?filters[namespace][EQUALS]={ns}");
        var failed = await Http.GetJsonAsync($"executions/search?namespace={ns}&state=FAILED");
        var byFlow = await Http.GetJsonAsync($"executions/search?filters[namespace][PREFIX]={ns}&filters[flowId][EQUALS]=hello&size=1");
        var labelled = await Http.GetJsonAsync($"executions/search?namespace={ns}&labels=env:prod");
        var recent = await Http.GetJsonAsync($"executions/search?namespace={ns}&filters[timeRange][EQUALS]=PT1H");
        var legacy = await Http.GetJsonAsync($"executions?namespace={ns}&flowId=failing");

        Assert.Equal(["hello", "failing", "hello"], Flows(all));
        Assert.Equal(3, all["total"]!.GetValue<int>());
        Assert.Equal(["failing"], Flows(failed));
        Assert.Equal((1, 2), (byFlow["results"]!.AsArray().Count, byFlow["total"]!.GetValue<int>()));
        Assert.Equal(["hello"], Flows(labelled));
        Assert.Equal(3, recent["total"]!.GetValue<int>());
        Assert.Equal(["failing"], Flows(legacy));
    }

    [Fact]
    public async Task Search_FiltersByKeyedLabels_AndByAStartDateWindow_AsKestrasUiSendsThem()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(TestFlows.OneLog(ns));
        await Http.ExecuteAsync(ns, "hello?wait=true&labels=env:prod&labels=team:data", wait: false);
        await Http.ExecuteAsync(ns, "hello?wait=true&labels=env:dev&labels=team:data", wait: false);
        var hour = DateTimeOffset.UtcNow.AddHours(-1).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var later = DateTimeOffset.UtcNow.AddHours(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture);

        var both = await Http.GetJsonAsync($"executions/search?namespace={ns}&filters[labels][EQUALS][team]=data");
        var prod = await Http.GetJsonAsync($"executions/search?namespace={ns}&filters[labels][EQUALS][team]=data&filters[labels][EQUALS][env]=prod");
        var window = await Http.GetJsonAsync($"executions/search?namespace={ns}&filters[startDate][GREATER_THAN_OR_EQUAL_TO]={Uri.EscapeDataString(hour)}&filters[startDate][LESS_THAN_OR_EQUAL_TO]={Uri.EscapeDataString(later)}");
        var future = await Http.GetJsonAsync($"executions/search?namespace={ns}&filters[startDate][GREATER_THAN_OR_EQUAL_TO]={Uri.EscapeDataString(later)}");

        Assert.Equal(2, both["total"]!.GetValue<int>());
        Assert.Equal("prod", Assert.Single(prod["results"]!.AsArray())!["labels"]!.AsArray().Single(l => l!["key"]!.GetValue<string>() == "env")!["value"]!.GetValue<string>());
        Assert.Equal((2, 0), (window["total"]!.GetValue<int>(), future["total"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Search_WithABadDateOrTimeRange_Returns422()
    {
        using var date = await Http.GetAsync("executions/search?filters[startDate][GREATER_THAN]=yesterday");
        using var range = await Http.GetAsync("executions/search?timeRange=soon");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, date.StatusCode);
        Assert.Contains("timeRange", (await range.JsonAsync(HttpStatusCode.UnprocessableEntity)).Error().Message, StringComparison.Ordinal);
    }
}
