using System.Net;
using Harrier.Server.Tests.Support;

namespace Harrier.Server.Tests.Executions;

/// <summary>Kestra's <c>GET /metrics/{executionId}</c> and <c>GET /executions/{id}/file/preview</c>, over real HTTP.</summary>
public sealed class MetricsAndPreviewTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task Metrics_OfAnExecution_AreItsTaskRunsCountersAndTimers_InKestrasShape_NarrowedByTaskAndPaged()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync($$$"""
            id: metered
            namespace: {{{ns}}}
            tasks:
              - id: count
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - echo '::{"metrics":[{"name":"rows","type":"counter","value":42,"tags":{"table":"orders"}},{"name":"load","type":"timer","value":1.5}]}::'
              - id: quiet
                type: io.kestra.plugin.core.log.Log
                message: nothing to count
            """);
        var execution = await Http.ExecuteAsync(ns, "metered");
        Assert.Equal("SUCCESS", execution.State());
        var id = execution.Id();

        var all = await Http.GetJsonAsync($"metrics/{id}?size=50");
        var byTask = await Http.GetJsonAsync($"metrics/{id}?taskId=quiet");
        var firstPage = await Http.GetJsonAsync($"metrics/{id}?size=1");
        using var unknown = await Http.GetAsync("metrics/no-such-execution");

        Assert.Equal(2, all["total"]!.GetValue<long>());
        var rows = all["results"]!.AsArray().Single(m => m!["name"]!.GetValue<string>() == "rows")!;
        Assert.Equal("counter", rows["type"]!.GetValue<string>());
        Assert.Equal(42, rows["value"]!.GetValue<double>());
        Assert.Equal("orders", rows["tags"]!["table"]!.GetValue<string>());
        Assert.Equal("count", rows["taskId"]!.GetValue<string>());
        Assert.Equal(execution.TaskRun("count")["id"]!.GetValue<string>(), rows["taskRunId"]!.GetValue<string>());
        Assert.Equal(ns, rows["namespace"]!.GetValue<string>());
        var load = all["results"]!.AsArray().Single(m => m!["name"]!.GetValue<string>() == "load")!;
        Assert.Equal("timer", load["type"]!.GetValue<string>());
        Assert.Equal(1500, load["value"]!.GetValue<double>());
        Assert.Equal(0, byTask["total"]!.GetValue<long>());
        Assert.Single(firstPage["results"]!.AsArray());
        Assert.Equal(2, firstPage["total"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Preview_OfAnOutputFile_GivesItsFirstLinesAsText_SaysWhenItWasCut_AndRefusesAnotherExecutionsFile()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync($$"""
            id: lines
            namespace: {{ns}}
            tasks:
              - id: write
                type: io.kestra.plugin.scripts.shell.Commands
                outputFiles: ["data.csv"]
                commands:
                  - seq 1 500 | sed 's/^/row,/' > data.csv
            """);
        var first = await Http.ExecuteAsync(ns, "lines");
        var second = await Http.ExecuteAsync(ns, "lines");
        var uri = first.TaskRun("write")["outputs"]!["outputFiles"]!["data.csv"]!.GetValue<string>();
        var path = Uri.EscapeDataString(uri);

        var some = await Http.GetJsonAsync($"executions/{first.Id()}/file/preview?path={path}&maxRows=3");
        var all = await Http.GetJsonAsync($"executions/{first.Id()}/file/preview?path={path}&maxRows=1000");
        using var foreign = await Http.GetAsync($"executions/{second.Id()}/file/preview?path={path}");
        using var badEncoding = await Http.GetAsync($"executions/{first.Id()}/file/preview?path={path}&encoding=no-such-charset");

        Assert.Equal("csv", some["extension"]!.GetValue<string>());
        Assert.Equal("TEXT", some["type"]!.GetValue<string>());
        Assert.Equal("row,1\nrow,2\nrow,3\n", some["content"]!.GetValue<string>());
        Assert.True(some["truncated"]!.GetValue<bool>());
        Assert.False(all["truncated"]!.GetValue<bool>());
        Assert.EndsWith("row,500\n", all["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badEncoding.StatusCode);
    }
}
