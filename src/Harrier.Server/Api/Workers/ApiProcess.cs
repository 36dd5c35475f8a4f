namespace Harrier.Server.Api.Workers;

/// <summary>One registered process as <c>GET /workers</c> lists it.</summary>
public sealed record ApiProcess
{
    /// <summary>host:pid:start, as written in leases and in task run attempts' <c>workerId</c>.</summary>
    public required string Id { get; init; }

    public required string Host { get; init; }

    public required int Pid { get; init; }

    /// <summary>server (standalone), executor, worker, scheduler, webserver; run, recover or resume for CLI processes.</summary>
    public required string Kind { get; init; }

    /// <summary>The server roles it runs (for a CLI process: its kind).</summary>
    public required IReadOnlyList<string> Roles { get; init; }

    public string? WorkerGroup { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset HeartbeatAt { get; init; }

    public required bool Alive { get; init; }
}
