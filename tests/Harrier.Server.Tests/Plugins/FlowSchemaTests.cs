using Harrier.Server.Hosting;
using Harrier.Server.Tests.Support;

namespace Harrier.Server.Tests.Plugins;

/// <summary><c>GET /api/v1/plugins/schemas/flow</c>: a JSON Schema generated from the task type registry.</summary>
public sealed class FlowSchemaTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task FlowSchema_HasADefinitionForEveryTaskRunnerAndTriggerType_NamedByItsTypesAndAliases()
    {
        var schema = await fixture.Http.GetJsonAsync("/api/v1/plugins/schemas/flow");

        var definitions = schema["definitions"]!.AsObject();
        Assert.Equal("#/definitions/io.kestra.core.models.flows.Flow", schema["$ref"]!.GetValue<string>());
        foreach (var type in HarrierTaskTypes.Registry.All)
        {
            var definition = definitions[type.Type]!.AsObject();
            var names = definition["properties"]!["type"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
            Assert.Equal([type.Type, .. type.Aliases], names);
            Assert.Contains("type", definition["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        }

        var log = definitions["io.kestra.plugin.core.log.Log"]!.AsObject();
        Assert.Contains("message", log["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Contains("retry", log["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal(definitions.Count(d => d.Value!["properties"]?["type"] is not null && HarrierTaskTypes.Registry.Resolve(d.Key)?.Kind is Core.Tasks.Types.TaskKind.Runnable or Core.Tasks.Types.TaskKind.Flowable),
            definitions["task"]!["anyOf"]!.AsArray().Count);
        var flow = definitions["io.kestra.core.models.flows.Flow"]!.AsObject();
        Assert.Equal(["id", "namespace", "tasks"], flow["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("#/definitions/task", flow["properties"]!["tasks"]!["items"]!["$ref"]!.GetValue<string>());
    }
}
