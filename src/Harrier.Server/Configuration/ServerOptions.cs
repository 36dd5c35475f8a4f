using System.Net;
using System.Net.Sockets;

namespace Harrier.Server.Configuration;

/// <summary>
/// Settings of <c>harrier server standalone</c>: from the defaults below, then the <c>--config</c> file, then
/// <c>HARRIER_…</c> environment variables, then command-line flags (each overrides the one before). Every key is listed
/// in <see cref="ServerConfigKeys"/> and documented in docs/server.md.
/// </summary>
public sealed partial record ServerOptions
{
    /// <summary>Address to listen on (<c>server.host</c>). Default 127.0.0.1: nothing outside this machine can connect.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port (<c>server.port</c>); 0 picks a free one (printed at start). Default 8080, Kestra's.</summary>
    public int Port { get; init; } = 8080;

    /// <summary>HTTP basic authentication (<c>server.basicAuth.username/password</c>); null: none.</summary>
    public BasicAuthOptions? BasicAuth { get; init; }

    /// <summary>Listen on a non-loopback address without basic auth (<c>server.allowRemoteWithoutAuth</c>). Off: such a server refuses to start.</summary>
    public bool AllowRemoteWithoutAuth { get; init; }

    /// <summary>Largest request body in bytes (<c>server.maxRequestBodySize</c>); larger ones get 413. Default 100 MiB, Kestra's.</summary>
    public long MaxRequestBodySize { get; init; } = 100L * 1024 * 1024;

    /// <summary>
    /// On SIGTERM/Ctrl-C, how long running task attempts may go on finishing (<c>server.terminationGracePeriod</c>) before
    /// the rest are stopped and handed back to the queue (they run again at the next start). Default 30 s.
    /// </summary>
    public TimeSpan TerminationGracePeriod { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often the server looks for executions of other Harrier processes that died on this data directory (a
    /// <c>harrier run</c> killed) and adopts them, after sweeping what they left running (<c>server.recoveryInterval</c>).
    /// Default 30 s, the engine's lease duration.
    /// </summary>
    public TimeSpan RecoveryInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The server's public URL, used in the <c>url</c> of created executions (<c>server.url</c>); default: the listen address.</summary>
    public string? PublicUrl { get; init; }

    /// <summary>Data directory (<c>dataDir</c>): SQLite database, internal storage, the SECRET input key. Default .harrier.</summary>
    public string DataDirectory { get; init; } = ".harrier";

    /// <summary>Where executions, logs and the queue live (<c>database.type</c>): sqlite (default, in the data directory) or postgres.</summary>
    public string DatabaseType { get; init; } = Hosting.DatabaseSettings.SqliteType;

    /// <summary>The PostgreSQL database (<c>database.url</c>, a postgresql:// URL or a connection string); never logged with its password.</summary>
    public string? DatabaseUrl { get; init; }

    /// <summary>Task runs executed at once (<c>workers</c>, <c>--slots</c> of <c>server worker</c>); default: cores, at least 2.</summary>
    public int? Workers { get; init; }

    /// <summary>What this process runs (the <c>server</c> subcommand, never a configuration key). Default: every role.</summary>
    public Hosting.ServerRoles Roles { get; init; } = Hosting.ServerRoles.Standalone;

    /// <summary>The worker group of this process's worker (<c>worker.group</c>, <c>--group</c>); null: the default group.</summary>
    public string? WorkerGroup { get; init; }

    /// <summary>
    /// How long a claimed job stays a worker's without a renewal (<c>worker.leaseDuration</c>; renewed every third of it).
    /// A worker killed mid-task loses its jobs to other workers once this has passed. Default 30 s.
    /// </summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long an executor's claim on an execution's wake-up holds (<c>executor.leaseDuration</c>). An executor killed
    /// mid-pass leaves that execution to the other executors once this has passed; its other executions are not held
    /// (a wake-up is claimed only for the length of one pass). Default 30 s.
    /// </summary>
    public TimeSpan PlanningLeaseDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A folder of flows deployed at start and kept in sync while the server runs (<c>flows</c>); null: none.</summary>
    public string? FlowsDirectory { get; init; }

    /// <summary>Runner of script tasks that name none (<c>defaultRunner</c>): process (default) or docker.</summary>
    public string DefaultRunner { get; init; } = "process";

    /// <summary>Let Docker-runner tasks bind-mount host paths (<c>docker.volumesEnabled</c>); off by default.</summary>
    public bool DockerVolumesEnabled { get; init; }

    /// <summary>Throws <see cref="ServerConfigException"/> with every problem found, in one message.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (Port is < 0 or > 65535)
        {
            problems.Add($"server.port must be between 0 and 65535, not {Port}");
        }

        if (string.IsNullOrWhiteSpace(Host))
        {
            problems.Add("server.host must not be empty");
        }

        if (BasicAuth is { } auth && (auth.Username.Length == 0 || auth.Password.Length == 0 || auth.Username.Contains(':', StringComparison.Ordinal)))
        {
            problems.Add("server.basicAuth needs a username (without ':') and a non-empty password");
        }

        if (MaxRequestBodySize < 1024)
        {
            problems.Add($"server.maxRequestBodySize must be at least 1024 bytes, not {MaxRequestBodySize}");
        }

        if (TerminationGracePeriod < TimeSpan.Zero)
        {
            problems.Add("server.terminationGracePeriod must not be negative");
        }

        if (RecoveryInterval < TimeSpan.FromSeconds(1))
        {
            problems.Add("server.recoveryInterval must be at least PT1S");
        }

        if (Workers is < 1)
        {
            problems.Add($"workers (--workers, --slots) must be at least 1, not {Workers}");
        }

        if (Roles == Hosting.ServerRoles.None)
        {
            problems.Add("a server must run at least one role");
        }

        if (WorkerGroup is { } group && !WorkerGroupKey().IsMatch(group))
        {
            problems.Add($"worker.group '{group}' is not a worker group key: letters, digits, '_' and '-', starting with a letter or digit");
        }

        if (LeaseDuration < TimeSpan.FromSeconds(1))
        {
            problems.Add("worker.leaseDuration must be at least PT1S");
        }

        if (PlanningLeaseDuration < TimeSpan.FromSeconds(1))
        {
            problems.Add("executor.leaseDuration must be at least PT1S");
        }

        if (DefaultRunner is not ("process" or "docker"))
        {
            problems.Add($"defaultRunner must be process or docker, not '{DefaultRunner}'");
        }

        problems.AddRange(new Hosting.DatabaseSettings(DatabaseType, DatabaseUrl).Problems());

        if (FlowsDirectory is { } flows && !Directory.Exists(flows))
        {
            problems.Add($"flows: there is no folder {Path.GetFullPath(flows)}");
        }

        if (BasicAuth is null && !AllowRemoteWithoutAuth && !IsLoopback(Host))
        {
            problems.Add($"server.host {Host} accepts connections from other machines, but no server.basicAuth is configured: " +
                "set server.basicAuth.username and .password (or HARRIER_SERVER_BASICAUTH_USERNAME/_PASSWORD), or, to run without " +
                "authentication on purpose, server.allowRemoteWithoutAuth: true (--allow-remote-without-auth)");
        }

        if (problems.Count > 0)
        {
            throw new ServerConfigException(string.Join("; ", problems));
        }
    }

    /// <summary>Kestra's pattern for a worker group key.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_-]*$")]
    private static partial System.Text.RegularExpressions.Regex WorkerGroupKey();

    /// <summary>Whether <paramref name="host"/> only ever accepts connections from this machine.</summary>
    public static bool IsLoopback(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address) && address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6;
    }
}
