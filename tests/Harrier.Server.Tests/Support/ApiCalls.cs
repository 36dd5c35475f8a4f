using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Harrier.Server.Tests.Support;

/// <summary>Short calls for the tests: YAML and form posts, JSON answers, and checks that say what came back when they fail.</summary>
public static class ApiCalls
{
    public static StringContent Yaml(string yaml) => new(yaml, Encoding.UTF8, "application/x-yaml");

    public static Task<HttpResponseMessage> PostFlowAsync(this HttpClient http, string yaml) => http.PostAsync("flows", Yaml(yaml));

    /// <summary>Deploys a flow and fails the test unless the server took it.</summary>
    public static async Task<JsonObject> DeployAsync(this HttpClient http, string yaml)
    {
        using var response = await http.PostFlowAsync(yaml);
        return await response.JsonAsync(HttpStatusCode.OK);
    }

    public static MultipartFormDataContent Form(params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }

    public static void AddFile(this MultipartFormDataContent form, string name, string fileName, string content)
    {
        var part = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, name, fileName);
    }

    /// <summary>Starts an execution and returns its JSON (waiting for its end with <paramref name="wait"/>).</summary>
    public static async Task<JsonObject> ExecuteAsync(this HttpClient http, string ns, string flowId, bool wait = true, HttpContent? inputs = null)
    {
        using var response = await http.PostAsync($"executions/{ns}/{flowId}{(wait ? "?wait=true" : "")}", inputs);
        return await response.JsonAsync(HttpStatusCode.OK);
    }

    public static async Task<JsonObject> GetJsonAsync(this HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        return await response.JsonAsync(HttpStatusCode.OK);
    }

    public static async Task<JsonArray> GetArrayAsync(this HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsArray();
    }

    /// <summary>The body as JSON, after checking the status (the body is shown when it differs).</summary>
    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static string State(this JsonObject execution) => execution["state"]!["current"]!.GetValue<string>();

    public static string Id(this JsonObject node) => node["id"]!.GetValue<string>();

    public static JsonObject TaskRun(this JsonObject execution, string taskId) =>
        execution["taskRunList"]!.AsArray().Select(r => r!.AsObject()).Single(r => r["taskId"]!.GetValue<string>() == taskId);

    /// <summary>Kestra's error document: its message, and the messages of its itemised errors.</summary>
    public static (string Message, IReadOnlyList<string> Errors) Error(this JsonObject body) =>
        (body["message"]!.GetValue<string>(),
         body["_embedded"]?["errors"]?.AsArray().Select(e => e!["message"]!.GetValue<string>()).ToList() ?? []);

    public static string Json(this JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });

    /// <summary>A namespace no other test uses (tests share nothing but may share a server).</summary>
    public static string UniqueNamespace(string prefix = "test") => $"{prefix}.n{Guid.NewGuid():N}"[..Math.Min(60, prefix.Length + 34)];
}
