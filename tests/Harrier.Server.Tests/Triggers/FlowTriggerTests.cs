using System.Text.Json.Nodes;
using Harrier.Core.Store.Triggers;
using Harrier.Server.Tests.Support;

namespace Harrier.Server.Tests.Triggers;

/// <summary>Flow triggers on a real server: an execution's end starts the flows listening for it, once, and never in a loop.</summary>
public sealed class FlowTriggerTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Http => fixture.Http;

    private static string Upstream(string ns, string id, bool fail = false) => $$$"""
        id: {{{id}}}
        namespace: {{{ns}}}
        tasks:
          - id: work
            type: io.kestra.plugin.core.{{{(fail ? "execution.Fail" : "log.Log")}}}
            {{{(fail ? "errorMessage: broken" : "message: working")}}}
        outputs:
          - id: rows
            type: INT
            value: 42
        """;

    private static string Downstream(string ns, string triggerYaml) => $$$"""
        id: downstream
        namespace: {{{ns}}}
        inputs:
          - id: upstreamId
            type: STRING
            defaults: none
          - id: rows
            type: STRING
            defaults: none
        triggers:
        {{{triggerYaml}}}
        tasks:
          - id: say
            type: io.kestra.plugin.core.log.Log
            message: "after {{ inputs.upstreamId }}"
        """;

    private static string AfterSuccessOf(string ns, string flowId) => $$$"""
          - id: after
            type: io.kestra.plugin.core.trigger.Flow
            states: [SUCCESS]
            conditions:
              - type: io.kestra.plugin.core.condition.ExecutionFlow
                namespace: {{{ns}}}
                flowId: {{{flowId}}}
            inputs:
              upstreamId: "{{ trigger.executionId }}"
              rows: "{{ trigger.outputs.rows }}"
        """;

    /// <summary>Deploys and waits until the scheduler registered the flow's triggers (it hears ends from then on).</summary>
    private async Task DeployListeningAsync(string yaml, string ns, string flowId, params string[] triggerIds)
    {
        await Http.DeployAsync(yaml);
        var store = fixture.Server.Server.Host.Store.Triggers;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        foreach (var id in triggerIds)
        {
            while (await store.GetAsync(new TriggerKey(ns, flowId, id), CancellationToken.None) is null)
            {
                Assert.True(DateTime.UtcNow < deadline, $"trigger {id} of {ns}.{flowId} was not registered within 20 s");
                await Task.Delay(50);
            }
        }
    }

    private async Task<JsonArray> ExecutionsOfAsync(string ns, string flowId) =>
        (await Http.GetJsonAsync($"executions/search?filters[namespace][EQUALS]={ns}&filters[flowId][EQUALS]={flowId}&size=100"))["results"]!.AsArray();

    private async Task<JsonArray> WaitForExecutionsAsync(string ns, string flowId, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        JsonArray found;
        while ((found = await ExecutionsOfAsync(ns, flowId)).Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return found;
    }

    [Fact]
    public async Task AnUpstreamSuccess_StartsTheDownstreamFlow_WithTheUpstreamExecutionAsTriggerVariables()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(Upstream(ns, "upstream"));
        await DeployListeningAsync(Downstream(ns, AfterSuccessOf(ns, "upstream")), ns, "downstream", "after");

        var upstream = await Http.ExecuteAsync(ns, "upstream");
        var downstream = Assert.Single(await WaitForExecutionsAsync(ns, "downstream", 1))!.AsObject();

        Assert.Equal(upstream.Id(), downstream["inputs"]!["upstreamId"]!.GetValue<string>());
        Assert.Equal("42", downstream["inputs"]!["rows"]!.GetValue<string>());
        var variables = downstream["trigger"]!["variables"]!;
        Assert.Equal("SUCCESS", variables["state"]!.GetValue<string>());
        Assert.Equal("upstream", variables["flowId"]!.GetValue<string>());
        Assert.Equal(ns, variables["namespace"]!.GetValue<string>());
        var correlation = (JsonObject e) => e["labels"]!.AsArray().Single(l => l!["key"]!.GetValue<string>() == "system.correlationId")!["value"]!.GetValue<string>();
        Assert.Equal(correlation(upstream), correlation(downstream));
    }

    [Fact]
    public async Task AFlowTrigger_HearsAnEndRightAfterItsDeploymentAnswered()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(Upstream(ns, "upstream"));
        await Http.DeployAsync(Downstream(ns, AfterSuccessOf(ns, "upstream")));

        // No wait for the scheduler: the deployment registered the trigger before it answered.
        var upstream = await Http.ExecuteAsync(ns, "upstream");
        var downstream = Assert.Single(await WaitForExecutionsAsync(ns, "downstream", 1))!.AsObject();

        Assert.Equal(upstream.Id(), downstream["inputs"]!["upstreamId"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnEndInAStateTheTriggerDoesNotList_StartsNothing()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(Upstream(ns, "upstream", fail: true));
        await DeployListeningAsync(Downstream(ns, AfterSuccessOf(ns, "upstream")), ns, "downstream", "after");

        var upstream = await Http.ExecuteAsync(ns, "upstream");
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal("FAILED", upstream.State());
        Assert.Empty(await ExecutionsOfAsync(ns, "downstream"));
    }

    [Fact]
    public async Task TwoFlowsTriggeringEachOther_RunOnceEach_InsteadOfLooping()
    {
        var ns = ApiCalls.UniqueNamespace();
        string PingPong(string id, string other) => $$"""
            id: {{id}}
            namespace: {{ns}}
            triggers:
              - id: after_{{other}}
                type: io.kestra.plugin.core.trigger.Flow
                conditions:
                  - type: io.kestra.plugin.core.condition.ExecutionFlow
                    namespace: {{ns}}
                    flowId: {{other}}
            tasks:
              - id: say
                type: io.kestra.plugin.core.log.Log
                message: "{{id}}"
            """;
        await DeployListeningAsync(PingPong("ping", "pong"), ns, "ping", "after_pong");
        await DeployListeningAsync(PingPong("pong", "ping"), ns, "pong", "after_ping");

        await Http.ExecuteAsync(ns, "ping");
        await WaitForExecutionsAsync(ns, "pong", 1);
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Single(await ExecutionsOfAsync(ns, "ping"));
        Assert.Single(await ExecutionsOfAsync(ns, "pong"));
    }

    [Fact]
    public async Task Preconditions_StartTheFlowOnlyOnceEveryUpstreamSucceededInTheWindow()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(Upstream(ns, "extract"));
        await Http.DeployAsync(Upstream(ns, "load"));
        await DeployListeningAsync(Downstream(ns, $$"""
              - id: both
                type: io.kestra.plugin.core.trigger.Flow
                preconditions:
                  id: extract_and_load
                  flows:
                    - namespace: {{ns}}
                      flowId: extract
                      states: [SUCCESS]
                    - namespace: {{ns}}
                      flowId: load
                      states: [SUCCESS]
            """), ns, "downstream", "both");

        await Http.ExecuteAsync(ns, "extract");
        await Http.ExecuteAsync(ns, "extract");
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var beforeLoad = await ExecutionsOfAsync(ns, "downstream");
        await Http.ExecuteAsync(ns, "load");
        var afterLoad = await WaitForExecutionsAsync(ns, "downstream", 1);
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.Empty(beforeLoad);
        Assert.Single(await ExecutionsOfAsync(ns, "downstream"));
        Assert.Single(afterLoad);
    }

    [Fact]
    public async Task StopAfter_DisablesTheScheduleThatStartedAFailedExecution()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync($$"""
            id: fragile
            namespace: {{ns}}
            triggers:
              - id: every_second
                type: io.kestra.plugin.core.trigger.Schedule
                cron: "* * * * * *"
                withSeconds: true
                stopAfter: [FAILED]
            tasks:
              - id: boom
                type: io.kestra.plugin.core.execution.Fail
                errorMessage: always
            """);

        var store = fixture.Server.Server.Host.Store.Triggers;
        var key = new TriggerKey(ns, "fragile", "every_second");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await store.GetAsync(key, CancellationToken.None))?.Disabled is not true)
        {
            Assert.True(DateTime.UtcNow < deadline, "the schedule was not disabled within 20 s");
            await Task.Delay(100);
        }

        var firedBeforeStop = (await ExecutionsOfAsync(ns, "fragile")).Count;
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        await Http.DeleteAsync($"flows/{ns}/fragile");

        Assert.InRange(firedBeforeStop, 1, 3);
        Assert.Equal(firedBeforeStop, (await ExecutionsOfAsync(ns, "fragile")).Count);
    }
}
