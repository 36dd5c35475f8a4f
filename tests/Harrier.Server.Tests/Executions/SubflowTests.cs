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
