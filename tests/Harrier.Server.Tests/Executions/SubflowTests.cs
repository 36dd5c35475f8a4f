using Harrier.Server.Tests.Support;

namespace Harrier.Server.Tests.Executions;

/// <summary>Subflows on the server: the child flow is a deployed one, its execution is listed with the parent's correlation id.</summary>
public sealed class SubflowTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task ASubflow_StartsTheDeployedChild_AndWaitsForItsOutputs()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync($$$"""
            id: child
            namespace: {{{ns}}}
            inputs:
              - id: name
                type: STRING
            tasks:
              - id: greet
                type: io.kestra.plugin.core.debug.Return
                format: "hello {{ inputs.name }}"
            outputs:
              - id: greeting
                type: STRING
                value: "{{ outputs.greet.value }}"
            """);
        await Http.DeployAsync($$$"""
            id: parent
            namespace: {{{ns}}}
            tasks:
              - id: call
                type: io.kestra.plugin.core.flow.Subflow
                namespace: {{{ns}}}
                flowId: child
                inputs:
                  name: server
            """);

        var parent = await Http.ExecuteAsync(ns, "parent");

        Assert.Equal("SUCCESS", parent.State());
        var outputs = parent.TaskRun("call")["outputs"]!;
        Assert.Equal("hello server", outputs["outputs"]!["greeting"]!.GetValue<string>());
        var child = await Http.GetJsonAsync($"executions/{outputs["executionId"]!.GetValue<string>()}");
        Assert.Equal("child", child["flowId"]!.GetValue<string>());
        Assert.Equal("SUCCESS", child.State());
        Assert.Contains(child["labels"]!.AsArray(), l => l!["key"]!.GetValue<string>() == "system.correlationId" && l["value"]!.GetValue<string>() == parent.Id());
    }

    [Fact]
    public async Task KillingAParent_AlsoKillsTheChildItStartedWithoutWaiting_AsKestraCascadesKills()
    {
        using var folder = new Harrier.TestKit.Support.TempDirectory();
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(TestFlows.WaitsFor(ns, folder.File("never"), id: "child"));
        await Http.DeployAsync($$$"""
            id: parent
            namespace: {{{ns}}}
            tasks:
              - id: launch
                type: io.kestra.plugin.core.flow.Subflow
                namespace: {{{ns}}}
                flowId: child
                wait: false
              - id: hold
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - while [ ! -e '{{{folder.File("never")}}}' ]; do sleep 0.05; done
            """);
        var parent = await Http.ExecuteAsync(ns, "parent", wait: false);
        string? childId = null;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (childId is null || (await Http.GetJsonAsync($"executions/{childId}")).State() != "RUNNING")
        {
            Assert.True(DateTime.UtcNow < deadline, "the child did not start running within 30 s");
            await Task.Delay(50);
            childId ??= (await Http.GetJsonAsync($"executions/{parent.Id()}"))["taskRunList"]?.AsArray()
                .FirstOrDefault(t => t!["taskId"]!.GetValue<string>() == "launch")?["outputs"]?["executionId"]?.GetValue<string>();
        }

        using var kill = await Http.DeleteAsync($"executions/{parent.Id()}/kill");

        Assert.Equal(System.Net.HttpStatusCode.Accepted, kill.StatusCode);
        Assert.Equal("KILLED", await EndStateAsync(parent.Id()));
        Assert.Equal("KILLED", await EndStateAsync(childId));
    }

    private async Task<string> EndStateAsync(string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var state = (await Http.GetJsonAsync($"executions/{id}")).State();
            if (state is "KILLED" or "SUCCESS" or "FAILED" or "WARNING" or "CANCELLED")
            {
                return state;
            }

            Assert.True(DateTime.UtcNow < deadline, $"execution {id} is still {state} 30 s after the kill");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task ASubflowOfAFlowThatIsNotDeployed_FailsSayingSo()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync($$$"""
            id: parent
            namespace: {{{ns}}}
            tasks:
              - id: call
                type: io.kestra.plugin.core.flow.Subflow
                namespace: {{{ns}}}
                flowId: ghost
            """);

        var parent = await Http.ExecuteAsync(ns, "parent");

        Assert.Equal("FAILED", parent.State());
        var logs = await Http.GetArrayAsync($"logs/{parent.Id()}");
        Assert.Contains(logs, l => l!["message"]!.GetValue<string>().Contains($"{ns}.ghost: there is no such flow among the flows deployed here", StringComparison.Ordinal));
    }
}
