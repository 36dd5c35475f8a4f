using Harrier.Core.Store;
using Harrier.Server.Hosting;

namespace Harrier.Server.Api.Workers;

/// <summary>
/// <c>GET /workers</c>: the Harrier processes registered in the store (servers of every role, <c>harrier run</c>s), with
/// their role, worker group, heartbeat and whether they are alive. Kestra OSS has no such endpoint (its cluster view is
/// Enterprise-only), so the shape is Harrier's own.
/// </summary>
public static class WorkerEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/workers", ListAsync).WithTags("Workers").Produces<List<ApiProcess>>()
            .WithSummary("Registered Harrier processes: role, worker group, last heartbeat, alive (?all=false leaves out dead ones)");

    private static async Task<IResult> ListAsync(HarrierHost host, TimeProvider time, bool? all, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var timeout = host.Engine.Services.Options.LeaseDuration;
        var processes = await host.Store.Processes.ListAsync(cancellationToken).ConfigureAwait(false);
        var listed = processes.Select(p => ToApi(p, p.IsAliveAt(now, timeout))).Where(p => all != false || p.Alive).ToList();
        return TypedResults.Ok(listed);
    }

    private static ApiProcess ToApi(ProcessRecord process, bool alive) => new()
    {
        Id = process.Id,
        Host = process.Host,
        Pid = process.Pid,
        Kind = process.Kind,
        Roles = process.Kind == "server" ? ServerRoleNames.Of(ServerRoles.Standalone) : process.Kind.Split('+'),
        WorkerGroup = process.WorkerGroup,
        StartedAt = process.StartedAt,
        HeartbeatAt = process.HeartbeatAt,
        Alive = alive,
    };
}
