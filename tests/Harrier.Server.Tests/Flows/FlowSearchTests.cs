using System.Net;
using Harrier.Server.Tests.Support;

namespace Harrier.Server.Tests.Flows;

/// <summary>Flow search with Kestra's parameters: filters[field][OP], the legacy ones, paging with a total, sorting.</summary>
public sealed class FlowSearchTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Http => fixture.Http;

    private async Task<string> DeployThreeAsync()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(TestFlows.OneLog(ns, "alpha") + "\nlabels:\n  team: data\n");
        await Http.DeployAsync(TestFlows.OneLog(ns, "beta"));
        await Http.DeployAsync(TestFlows.OneLog(ns + ".sub", "gamma"));
        return ns;
    }

    private static string[] Ids(System.Text.Json.Nodes.JsonObject page) => [.. page["results"]!.AsArray().Select(f => f!["id"]!.GetValue<string>())];

    [Fact]
    public async Task Search_ByNamespace_AsAPrefixOrExactly_ByLabels_AndPaged()
    {
        var ns = await DeployThreeAsync();

        var prefix = await Http.GetJsonAsync($"flows/search?namespace={ns}&size=50");
        var exact = await Http.GetJsonAsync($"flows/search?filters[namespace][EQUALS]={ns}");
        var labelled = await Http.GetJsonAsync($"flows/search?filters[namespace][PREFIX]={ns}&filters[labels][EQUALS][team]=data");
        var legacyLabel = await Http.GetJsonAsync($"flows/search?namespace={ns}&labels=team:data");
        var page = await Http.GetJsonAsync($"flows/search?namespace={ns}&size=2&page=2&sort=id:desc");

        Assert.Equal(["alpha", "beta", "gamma"], Ids(prefix));
        Assert.Equal(3, prefix["total"]!.GetValue<int>());
        Assert.Equal(["alpha", "beta"], Ids(exact));
        Assert.Equal(["alpha"], Ids(labelled));
        Assert.Equal(["alpha"], Ids(legacyLabel));
        Assert.Equal(["alpha"], Ids(page));
        Assert.Equal(3, page["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task GetNamespace_ListsItsFlows_Only()
    {
        var ns = await DeployThreeAsync();

        var flows = await Http.GetArrayAsync($"flows/{ns}");

        Assert.Equal(["alpha", "beta"], flows.Select(f => f!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Search_WithAnUnknownFieldOrOperation_Returns422SayingWhich()
    {
        using var field = await Http.GetAsync("flows/search?filters[color][EQUALS]=red");
        using var operation = await Http.GetAsync("flows/search?filters[namespace][LOOKS_LIKE]=x");
        using var size = await Http.GetAsync("flows/search?size=0");

        Assert.Contains("'color'", (await field.JsonAsync(HttpStatusCode.UnprocessableEntity)).Error().Message, StringComparison.Ordinal);
        Assert.Contains("LOOKS_LIKE", (await operation.JsonAsync(HttpStatusCode.UnprocessableEntity)).Error().Message, StringComparison.Ordinal);
        Assert.Contains("size", (await size.JsonAsync(HttpStatusCode.UnprocessableEntity)).Error().Message, StringComparison.Ordinal);
    }
}
