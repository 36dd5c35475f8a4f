namespace Harrier.Server.Hosting;

/// <summary>Server-level settings of a Harrier process (flags of <c>harrier run</c>; the server's configuration later).</summary>
public sealed record HostOptions
{
    /// <summary>Runner of script tasks that name none: <c>process</c> (Harrier's default) or <c>docker</c> (Kestra's).</summary>
    public string DefaultRunner { get; init; } = "process";

    /// <summary>Let tasks bind-mount host paths with the Docker runner's <c>volumes</c> (off by default, spec §7).</summary>
    public bool DockerVolumesEnabled { get; init; }

    /// <summary>Where Subflows find their flows; null: the flows deployed in the store (the server's).</summary>
    public Core.Flows.IFlowRepository? Flows { get; init; }

    /// <summary>Where executions, logs and the queue are stored (default: SQLite in the data directory).</summary>
    public DatabaseSettings Database { get; init; } = DatabaseSettings.Sqlite;

    public void Validate()
    {
        if (DefaultRunner is not ("process" or "docker"))
        {
            throw new ArgumentException($"--default-runner must be process or docker, not '{DefaultRunner}'");
        }

        if (Database.Problems().FirstOrDefault() is { } problem)
        {
            throw new ArgumentException(problem);
        }
    }
}
