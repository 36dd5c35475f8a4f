using System.Net;
using Harrier.Server.Tests.Support;

namespace Harrier.Server.Tests.Misc;

/// <summary>/health, /api/v1/configs, the OpenAPI document generated from the endpoints, Prometheus /metrics, unknown paths.</summary>
public sealed class MiscEndpointsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task Health_IsUp_AndConfigs_DescribeTheInstance()
    {
        var health = await Http.GetJsonAsync("/health");
        var configs = await Http.GetJsonAsync("/api/v1/configs");

        Assert.Equal("UP", health["status"]!.GetValue<string>());
        Assert.False(configs["isBasicAuthInitialized"]!.GetValue<bool>());
        Assert.Equal(configs["uuid"]!.GetValue<string>(), (await File.ReadAllTextAsync(Path.Combine(fixture.Server.DataDirectory, "instance-id"))).Trim());
    }

    [Fact]
    public async Task OpenApi_IsGeneratedFromTheEndpoints_UnderTheTenantPrefix()
    {
        var document = await Http.GetJsonAsync("/openapi/v1.json");

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.StartsWith("3.", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("/api/v1/main/flows/{namespace}/{id}", paths);
        Assert.Contains("/api/v1/main/executions/{namespace}/{id}", paths);
        Assert.Contains("/api/v1/main/logs/{executionId}/follow", paths);
        Assert.Contains("/api/v1/main/namespaces/{namespace}/kv/{key}", paths);
        Assert.Contains("/api/v1/plugins/schemas/flow", paths);
        Assert.DoesNotContain("/api/v1/flows/{namespace}/{id}", paths);
        Assert.NotNull(document["paths"]!["/api/v1/main/executions/{executionId}"]!["get"]!["responses"]!["200"]);
    }

    [Fact]
    public async Task Metrics_CountExecutionsByState_LogLines_AndTaskDurations()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(TestFlows.OneLog(ns));
        await Http.ExecuteAsync(ns, "hello");

        using var response = await Http.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"harrier_executions\{state=""SUCCESS""\} [1-9]", text);
        Assert.Matches(@"harrier_log_lines_total [1-9]", text);
        Assert.Contains("harrier_queue_jobs{status=\"waiting\"}", text, StringComparison.Ordinal);
        Assert.Contains("harrier_task_run_duration_seconds", text, StringComparison.Ordinal);
        Assert.Matches(@"harrier_executions_created_total [1-9]", text);
    }

    [Fact]
    public async Task UnknownPaths_Get404_InKestrasErrorShape()
    {
        using var response = await Http.GetAsync("/api/v1/main/nothing/here");

        var (message, _) = (await response.JsonAsync(HttpStatusCode.NotFound)).Error();
        Assert.StartsWith("Not Found", message, StringComparison.Ordinal);
    }
}
