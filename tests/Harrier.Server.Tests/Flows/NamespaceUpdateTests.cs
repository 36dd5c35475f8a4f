using System.Net;
using Harrier.Server.Tests.Support;

namespace Harrier.Server.Tests.Flows;

/// <summary><c>POST /flows/{namespace}</c>, what Kestra's CLI and deploy actions call: a namespace's flows replaced at once.</summary>
public sealed class NamespaceUpdateTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Http => fixture.Http;

    private static string[] Ids(System.Text.Json.Nodes.JsonObject page) => [.. page["results"]!.AsArray().Select(f => f!["id"]!.GetValue<string>())];

    [Fact]
    public async Task UpdateNamespace_CreatesAndUpdatesTheGivenFlows_AndDeletesTheOthers()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(TestFlows.OneLog(ns, "keep"));
        await Http.DeployAsync(TestFlows.OneLog(ns, "gone"));
        var body = TestFlows.OneLog(ns, "keep", "changed") + "\n---\n" + TestFlows.OneLog(ns, "new");

        using var response = await Http.PostAsync($"flows/{ns}?delete=true", ApiCalls.Yaml(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["keep", "new"], Ids(await Http.GetJsonAsync($"flows/search?filters[namespace][EQUALS]={ns}")));
        Assert.Equal(2, (await Http.GetJsonAsync($"flows/{ns}/keep"))["revision"]!.GetValue<int>());
    }

    [Fact]
    public async Task UpdateNamespace_WithDeleteFalse_KeepsTheOthers()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(TestFlows.OneLog(ns, "old"));

        using var response = await Http.PostAsync($"flows/{ns}?delete=false", ApiCalls.Yaml(TestFlows.OneLog(ns, "new")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["new", "old"], Ids(await Http.GetJsonAsync($"flows/search?filters[namespace][EQUALS]={ns}")));
    }

    [Fact]
    public async Task UpdateNamespace_WithOneInvalidOrForeignFlow_Returns422PerDocument_AndChangesNothing()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(TestFlows.OneLog(ns, "old"));
        var body = TestFlows.OneLog(ns, "fine") + "\n---\n" + $"id: bad\nnamespace: {ns}\ntasks: 3\n" + "\n---\n" + TestFlows.OneLog("somewhere.else", "foreign");

        using var response = await Http.PostAsync($"flows/{ns}", ApiCalls.Yaml(body));

        var (_, errors) = (await response.JsonAsync(HttpStatusCode.UnprocessableEntity)).Error();
        Assert.Equal(2, errors.Count);
        Assert.StartsWith("flows[1]: 3:8: tasks: ", errors[0], StringComparison.Ordinal);
        Assert.Contains("not in namespace", errors[1], StringComparison.Ordinal);
        Assert.Equal(["old"], Ids(await Http.GetJsonAsync($"flows/search?filters[namespace][EQUALS]={ns}")));
    }
}
