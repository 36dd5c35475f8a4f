using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Harrier.Ui.Tests.Support;

/// <summary>Arranging and checking through the REST API (what a script would do), with failures that show the answer.</summary>
public static class Api
{
    public static async Task DeployAsync(this HttpClient api, string yaml)
    {
        using var response = await api.PostAsync("flows", new StringContent(yaml, Encoding.UTF8, "application/x-yaml"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"deploying the flow: {(int)response.StatusCode} {text}");
    }

    /// <summary>Updates a flow (a new revision when its text changed).</summary>
    public static async Task UpdateAsync(this HttpClient api, string ns, string id, string yaml)
    {
        using var response = await api.PutAsync($"flows/{ns}/{id}", new StringContent(yaml, Encoding.UTF8, "application/x-yaml"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"updating the flow: {(int)response.StatusCode} {text}");
    }

    public static async Task<JsonObject> GetJsonAsync(this HttpClient api, string path)
    {
        using var response = await api.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Starts an execution (no inputs); with <paramref name="wait"/> answers once it ended.</summary>
    public static async Task<JsonObject> ExecuteAsync(this HttpClient api, string ns, string flowId, bool wait)
    {
        using var response = await api.PostAsync($"executions/{ns}/{flowId}{(wait ? "?wait=true" : "")}", content: null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"executing {ns}.{flowId}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static string State(this JsonObject execution) => execution["state"]!["current"]!.GetValue<string>();

    public static string Id(this JsonObject node) => node["id"]!.GetValue<string>();
}
