using Harrier.Server.Hosting;

namespace Harrier.Server.Api.Plugins;

/// <summary><c>GET /api/v1/plugins/schemas/flow</c> (no tenant segment, as in Kestra): the flow JSON Schema.</summary>
public static class PluginEndpoints
{
    private static readonly Lazy<string> Schema = new(() => FlowJsonSchema.Build(HarrierTaskTypes.Registry).ToJsonString());

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/plugins/schemas/flow", () => TypedResults.Text(Schema.Value, "application/json"))
            .WithTags("Plugins").Produces<System.Text.Json.Nodes.JsonObject>().WithSummary("The JSON Schema of a flow, every task type Harrier knows included");
}
