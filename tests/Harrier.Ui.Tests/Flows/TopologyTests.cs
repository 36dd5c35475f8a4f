using Harrier.Ui.Tests.Support;
using Microsoft.Playwright;

namespace Harrier.Ui.Tests.Flows;

[Collection(UiCollection.Name)]
public sealed class TopologyTests(UiFixture ui)
{
    [Fact]
    public async Task Topology_DrawsEveryTaskOfNestedFlowables_WithBranchLabels_AndTheErrorsBranchDashed()
    {
        await ui.Server.Api.DeployAsync("""
            id: shaped
            namespace: ui.topology
            tasks:
              - id: fan
                type: io.kestra.plugin.core.flow.Parallel
                tasks:
                  - id: left
                    type: io.kestra.plugin.core.log.Log
                    message: l
                  - id: right
                    type: io.kestra.plugin.core.log.Log
                    message: r
              - id: check
                type: io.kestra.plugin.core.flow.If
                condition: "{{ true }}"
                then:
                  - id: yes
                    type: io.kestra.plugin.core.log.Log
                    message: y
                else:
                  - id: no
                    type: io.kestra.plugin.core.log.Log
                    message: n
              - id: each
                type: io.kestra.plugin.core.flow.ForEach
                values: [a, b]
                tasks:
                  - id: inner
                    type: io.kestra.plugin.core.flow.Sequential
                    tasks:
                      - id: step-one
                        type: io.kestra.plugin.core.log.Log
                        message: "{{ taskrun.value }}"
                      - id: step-two
                        type: io.kestra.plugin.core.log.Log
                        message: two
            errors:
              - id: alert
                type: io.kestra.plugin.core.log.Log
                message: failed
            finally:
              - id: cleanup
                type: io.kestra.plugin.core.log.Log
                message: done
            """);
        var page = await ui.NewPageAsync();
        await page.GotoAsync("/ui/flows/ui.topology/shaped");
        await page.Locator("[data-test=tab-topology]").ClickAsync();

        var graph = page.Locator("[data-test=topology]");
        foreach (var task in new[] { "__start", "fan", "left", "right", "check", "yes", "no", "each", "inner", "step-one", "step-two", "alert", "cleanup", "__end" })
        {
            await Assertions.Expect(graph.Locator($"[data-node='{task}']")).ToHaveCountAsync(1);
        }

        await Assertions.Expect(graph.Locator(".topo-edge-label", new() { HasText = "then" })).ToHaveCountAsync(1);
        await Assertions.Expect(graph.Locator(".topo-edge-label", new() { HasText = "on error" })).ToHaveCountAsync(1);
        await Assertions.Expect(graph.Locator(".topo-edge.dashed")).ToHaveCountAsync(1);
        await Assertions.Expect(graph.Locator(".topo-edge-label", new() { HasText = "else" })).ToHaveCountAsync(1);
        await Assertions.Expect(graph.Locator(".topo-flowable")).ToHaveCountAsync(4);
        await Screenshots.TakeAsync(page, "topology");
    }

    [Fact]
    public async Task Topology_DrawsASwitchsCasesAndDefault_ADagByItsDependencies_AndASubflowLinkedToTheFlowItStarts()
    {
        await ui.Server.Api.DeployAsync("""
            id: branched
            namespace: ui.topology
            inputs:
              - id: kind
                type: STRING
                defaults: small
            tasks:
              - id: route
                type: io.kestra.plugin.core.flow.Switch
                value: "{{ inputs.kind }}"
                cases:
                  small:
                    - id: tiny
                      type: io.kestra.plugin.core.log.Log
                      message: s
                  large:
                    - id: huge
                      type: io.kestra.plugin.core.log.Log
                      message: l
                defaults:
                  - id: other
                    type: io.kestra.plugin.core.log.Log
                    message: o
              - id: graph
                type: io.kestra.plugin.core.flow.Dag
                tasks:
                  - task:
                      id: extract
                      type: io.kestra.plugin.core.log.Log
                      message: e
                  - task:
                      id: lookup
                      type: io.kestra.plugin.core.log.Log
                      message: k
                  - task:
                      id: join
                      type: io.kestra.plugin.core.log.Log
                      message: j
                    dependsOn: [extract, lookup]
              - id: call
                type: io.kestra.plugin.core.flow.Subflow
                namespace: ui.topology
                flowId: shaped
            """);
        var page = await ui.NewPageAsync();
        await page.GotoAsync("/ui/flows/ui.topology/branched");
        await page.Locator("[data-test=tab-topology]").ClickAsync();

        var graph = page.Locator("[data-test=topology]");
        foreach (var label in new[] { "small", "large", "default" })
        {
            await Assertions.Expect(graph.Locator(".topo-edge-label", new() { HasText = label })).ToHaveCountAsync(1);
        }

        // Each case and the default hang off the Switch; the Dag's join waits for both its dependencies, which start
        // from the Dag; whatever ends the Switch and the Dag leads to the next task.
        foreach (var edge in new[] { "route->tiny", "route->huge", "route->other", "graph->extract", "graph->lookup", "extract->join", "lookup->join", "join->call", "tiny->graph", "other->graph" })
        {
            await Assertions.Expect(graph.Locator($"[data-edge='{edge}']")).ToHaveCountAsync(1);
        }

        await Assertions.Expect(graph.Locator("[data-edge='graph->join']")).ToHaveCountAsync(0);
        var link = graph.Locator("[data-node='call'] a");
        await Assertions.Expect(link).ToHaveAttributeAsync("href", "/ui/flows/ui.topology/shaped");
        await link.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/ui/flows/ui.topology/shaped$"));
    }
}
