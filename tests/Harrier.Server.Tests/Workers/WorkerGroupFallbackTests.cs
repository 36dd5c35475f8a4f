using System.Text.Json.Nodes;
using Harrier.Server.Tests.Support;

namespace Harrier.Server.Tests.Workers;

/// <summary>
/// A standalone server on SQLite runs a worker without a group: a task of a worker group follows its fallback there
/// too, and <c>GET /workers</c> lists the server itself.
/// </summary>
public sealed class WorkerGroupFallbackTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task OnAStandaloneServer_ATaskOfAGroupNobodyServes_FailsWithItsFallback_AndTheFlowsErrorsRun()
    {
        var ns = ApiCalls.UniqueNamespace("groups");
        await Http.DeployAsync($"""
            id: nogpu
            namespace: {ns}
            tasks:
              - id: ongpu
                type: io.kestra.plugin.core.log.Log
                message: never
                workerGroup:
                  key: gpu
                  fallback: FAIL
            errors:
              - id: handled
                type: io.kestra.plugin.core.log.Log
                message: the gpu task failed
            """);

        var execution = await Http.ExecuteAsync(ns, "nogpu");

        Assert.Equal(("FAILED", "FAILED", "SUCCESS"), (execution.State(), execution.TaskRun("ongpu").State(), execution.TaskRun("handled").State()));
        var logs = (await Http.GetArrayAsync($"logs/{execution.Id()}")).Select(l => (l!["taskId"]!.GetValue<string>(), l["level"]!.GetValue<string>(), l["message"]!.GetValue<string>()));
        Assert.Contains(("ongpu", "ERROR", "No workers are available for worker group 'gpu', failing the task."), logs);
    }

    [Fact]
    public async Task Workers_ListsTheStandaloneServer_WithEveryRole_Alive()
    {
        var processes = await Http.GetArrayAsync("workers");

        var self = processes.Single(p => p!["pid"]!.GetValue<int>() == Environment.ProcessId && p["kind"]!.GetValue<string>() == "server")!;
        Assert.Equal("""["executor","worker","scheduler","webserver"]""", self["roles"]!.ToJsonString());
        Assert.True(self["alive"]!.GetValue<bool>());
        Assert.Null(self["workerGroup"]);
    }
}
