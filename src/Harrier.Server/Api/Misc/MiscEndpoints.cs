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
        app.MapGet("/health", () => TypedResults.Ok(new ApiHealth("UP"))).WithTags("Misc").WithSummary("200 once the server is ready");
    }
}

/// <summary>Micronaut's health document: <c>{"status":"UP"}</c>.</summary>
public sealed record ApiHealth(string Status);
