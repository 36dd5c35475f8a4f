using System.Reflection;
using Harrier.Server.Hosting;

namespace Harrier.Server.Api.Misc;

/// <summary><c>GET /api/v1/configs</c> (Kestra's) and <c>GET /health</c> (ready: the engine runs and the API answers).</summary>
public static class MiscEndpoints
{
    private static readonly string Version =
        typeof(MiscEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/configs", (ServerContext server) => TypedResults.Ok(new ApiConfiguration
        {
            Uuid = server.InstanceId,
            Version = Version,
            IsBasicAuthInitialized = server.Options.BasicAuth is not null,
            Url = server.BaseUrl,
        })).WithTags("Misc").WithSummary("The instance's configuration");
        MapHealth(app);
    }

    /// <summary><c>GET /health</c>: UP with this process's roles (and its worker group), on every role.</summary>
    public static void MapHealth(IEndpointRouteBuilder app) =>
        app.MapGet("/health", (ServerContext server) => TypedResults.Ok(new ApiHealth("UP")
        {
            Roles = ServerRoleNames.Of(server.Options.Roles),
            WorkerGroup = server.Options.Roles.HasFlag(ServerRoles.Worker) ? server.Options.WorkerGroup : null,
        })).WithTags("Misc").WithSummary("200 once the server is ready, with the roles this process runs");
}

/// <summary>Micronaut's health document, <c>{"status":"UP"}</c>, with the roles of the process (and its worker group, if any).</summary>
public sealed record ApiHealth(string Status)
{
    public IReadOnlyList<string> Roles { get; init; } = [];

    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? WorkerGroup { get; init; }
}
