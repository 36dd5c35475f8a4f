namespace Harrier.Server.Hosting;

/// <summary>
/// What a server process runs (<c>harrier server executor | worker | scheduler | webserver</c>, Kestra's components);
/// <c>standalone</c> runs them all. Every role answers <c>GET /health</c> and <c>/metrics</c>; only the webserver serves
/// the API and the UI.
/// </summary>
[Flags]
public enum ServerRoles
{
    None = 0,

    /// <summary>Plans executions, adopts those of dead processes, applies worker group fallbacks.</summary>
    Executor = 1,

    /// <summary>Claims jobs of its worker group from the queue and runs them.</summary>
    Worker = 2,

    /// <summary>Fires the triggers of deployed flows.</summary>
    Scheduler = 4,

    /// <summary>The REST API, the web UI, <c>--flows</c> deployment.</summary>
    Webserver = 8,

    Standalone = Executor | Worker | Scheduler | Webserver,
}

/// <summary>Names of roles as the CLI, the registry and <c>/health</c> write them.</summary>
public static class ServerRoleNames
{
    /// <summary>The role names, in a fixed order (executor, worker, scheduler, webserver).</summary>
    public static IReadOnlyList<string> Of(ServerRoles roles) =>
    [
        .. roles.HasFlag(ServerRoles.Executor) ? ["executor"] : Array.Empty<string>(),
        .. roles.HasFlag(ServerRoles.Worker) ? ["worker"] : Array.Empty<string>(),
        .. roles.HasFlag(ServerRoles.Scheduler) ? ["scheduler"] : Array.Empty<string>(),
        .. roles.HasFlag(ServerRoles.Webserver) ? ["webserver"] : Array.Empty<string>(),
    ];

    /// <summary>The process kind in the registry: <c>server</c> for standalone (as before roles existed), else the role's name.</summary>
    public static string Kind(ServerRoles roles) => roles == ServerRoles.Standalone ? "server" : string.Join('+', Of(roles));
}
