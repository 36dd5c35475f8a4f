using System.Net;
using Harrier.Server.Tests.Support;

namespace Harrier.Server.Tests.Flows;

/// <summary>Flows over HTTP: create, update, get with and without source, revisions, delete, and refusals that store nothing.</summary>
public sealed class FlowEndpointsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task PostFlow_ReturnsRevisionOne_WithTheSourceAsWritten()
    {
        var ns = ApiCalls.UniqueNamespace();
        var yaml = "# a comment the server keeps\n" + TestFlows.OneLog(ns) + "\nlabels:\n  team: data\n";

        var flow = await Http.DeployAsync(yaml);

        Assert.Equal(("hello", ns, 1), (flow.Id(), flow["namespace"]!.GetValue<string>(), flow["revision"]!.GetValue<int>()));
        Assert.Equal(yaml, flow["source"]!.GetValue<string>());
        Assert.Equal("io.kestra.plugin.core.log.Log", flow["tasks"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("""[{"key":"team","value":"data"}]""", flow["labels"]!.Json());
        Assert.False(flow["deleted"]!.GetValue<bool>());
    }

    [Fact]
    public async Task PutFlow_WithChangedSource_AddsARevision_AndGetReturnsTheLatest_OrTheOneAsked()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(TestFlows.OneLog(ns, message: "first"));

        using var same = await Http.PutAsync($"flows/{ns}/hello", ApiCalls.Yaml(TestFlows.OneLog(ns, message: "first")));
        using var changed = await Http.PutAsync($"flows/{ns}/hello", ApiCalls.Yaml(TestFlows.OneLog(ns, message: "second")));

        Assert.Equal(1, (await same.JsonAsync(HttpStatusCode.OK))["revision"]!.GetValue<int>());
        Assert.Equal(2, (await changed.JsonAsync(HttpStatusCode.OK))["revision"]!.GetValue<int>());
        var latest = await Http.GetJsonAsync($"flows/{ns}/hello");
        var first = await Http.GetJsonAsync($"flows/{ns}/hello?revision=1&source=true");
        Assert.Equal("second", latest["tasks"]![0]!["message"]!.GetValue<string>());
        Assert.Null(latest["source"]);
        Assert.Contains("first", first["source"]!.GetValue<string>(), StringComparison.Ordinal);
        var revisions = await Http.GetArrayAsync($"flows/{ns}/hello/revisions");
        Assert.Equal([1, 2], revisions.Select(r => r!["revision"]!.GetValue<int>()));
    }

    [Fact]
    public async Task PostFlow_WithInvalidYaml_Returns422WithLineAndColumn_AndStoresNothing()
    {
        var ns = ApiCalls.UniqueNamespace();
        var yaml = $"id: broken\nnamespace: {ns}\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Lg\n    message: hi\n";

        using var response = await Http.PostFlowAsync(yaml);

        var (message, errors) = (await response.JsonAsync(HttpStatusCode.UnprocessableEntity)).Error();
        Assert.StartsWith("Invalid entity: ", message, StringComparison.Ordinal);
        Assert.Equal(["5:11: tasks[0].type: unknown type 'io.kestra.plugin.core.log.Lg'; did you mean 'io.kestra.plugin.core.log.Log'?"], errors);
        using var get = await Http.GetAsync($"flows/{ns}/broken");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task PostFlow_WithMalformedYaml_Returns422WithWhereTheDocumentBreaks()
    {
        using var response = await Http.PostFlowAsync("id: x\nnamespace: [unclosed\ntasks: []\n");

        var (_, errors) = (await response.JsonAsync(HttpStatusCode.UnprocessableEntity)).Error();
        Assert.Matches(@"^\d+:\d+: ", Assert.Single(errors));
    }

    [Fact]
    public async Task PostFlow_Twice_Returns422TheSecondTime_AndKeepsRevisionOne()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(TestFlows.OneLog(ns));

        using var again = await Http.PostFlowAsync(TestFlows.OneLog(ns, message: "other"));

        var (_, errors) = (await again.JsonAsync(HttpStatusCode.UnprocessableEntity)).Error();
        Assert.Contains("already exists", Assert.Single(errors), StringComparison.Ordinal);
        Assert.Single(await Http.GetArrayAsync($"flows/{ns}/hello/revisions"));
    }

    [Fact]
    public async Task PutFlow_OfAnUnknownFlow_Returns404_AndOfAnotherId_Returns422()
    {
        var ns = ApiCalls.UniqueNamespace();
        using var missing = await Http.PutAsync($"flows/{ns}/hello", ApiCalls.Yaml(TestFlows.OneLog(ns)));
        await Http.DeployAsync(TestFlows.OneLog(ns));
        using var renamed = await Http.PutAsync($"flows/{ns}/hello", ApiCalls.Yaml(TestFlows.OneLog(ns, id: "other")));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("cannot change", (await renamed.JsonAsync(HttpStatusCode.UnprocessableEntity)).Error().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteFlow_Returns204_ThenTheFlowIs404_AndAllowDeletedShowsTheDeletion()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(TestFlows.OneLog(ns));

        using var deleted = await Http.DeleteAsync($"flows/{ns}/hello");
        using var again = await Http.DeleteAsync($"flows/{ns}/hello");
        using var get = await Http.GetAsync($"flows/{ns}/hello");

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (deleted.StatusCode, again.StatusCode, get.StatusCode));
        var marker = await Http.GetJsonAsync($"flows/{ns}/hello?allowDeleted=true");
        Assert.Equal((true, 2), (marker["deleted"]!.GetValue<bool>(), marker["revision"]!.GetValue<int>()));
    }

    [Fact]
    public async Task TenantlessPaths_AnswerLikeTheTenantOnes()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(TestFlows.OneLog(ns));

        var flow = await Http.GetJsonAsync($"/api/v1/flows/{ns}/hello");

        Assert.Equal(1, flow["revision"]!.GetValue<int>());
    }
}
