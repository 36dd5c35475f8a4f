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

    /// <summary>Starts an execution with labels (<c>key:value</c>, Kestra's <c>labels</c> parameter) and waits for its end.</summary>
    public static async Task<JsonObject> ExecuteWithLabelsAsync(this HttpClient api, string ns, string flowId, params string[] labels)
    {
        var query = string.Join("&", labels.Select(l => $"labels={Uri.EscapeDataString(l)}"));
        using var response = await api.PostAsync($"executions/{ns}/{flowId}?wait=true&{query}", content: null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"executing {ns}.{flowId}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>A namespace file's content, or null when the API answers 404.</summary>
    public static async Task<string?> NamespaceFileAsync(this HttpClient api, string ns, string path)
    {
        using var response = await api.GetAsync($"namespaces/{ns}/files?path={Uri.EscapeDataString(path)}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET namespace file {ns} {path}: {(int)response.StatusCode} {text}");
        return text;
    }

    public static async Task PutNamespaceFileAsync(this HttpClient api, string ns, string path, string content)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(content, Encoding.UTF8), "fileContent", path.Split('/')[^1]);
        using var response = await api.PostAsync($"namespaces/{ns}/files?path={Uri.EscapeDataString(path)}", form);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"uploading {ns} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public static string State(this JsonObject execution) => execution["state"]!["current"]!.GetValue<string>();

    public static string Id(this JsonObject node) => node["id"]!.GetValue<string>();
}
