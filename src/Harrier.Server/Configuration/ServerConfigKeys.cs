using System.Globalization;
using Harrier.Core.Time;

namespace Harrier.Server.Configuration;

/// <summary>Every key of the server's configuration file, in the order docs/server.md lists them.</summary>
public static class ServerConfigKeys
{
    public static IReadOnlyList<ServerConfigKey> All { get; } =
    [
        new("server.host", "Address to listen on (default 127.0.0.1).", (o, v) => o with { Host = v }),
        new("server.port", "TCP port (default 8080; 0 picks a free port).", (o, v) => o with { Port = Integer(v) }),
        new("server.basicAuth.username", "Basic authentication user.", (o, v) => o with { BasicAuth = new BasicAuthOptions(v, o.BasicAuth?.Password ?? "") }),
        new("server.basicAuth.password", "Basic authentication password (never logged).", (o, v) => o with { BasicAuth = new BasicAuthOptions(o.BasicAuth?.Username ?? "", v) }),
        new("server.allowRemoteWithoutAuth", "Listen on a non-loopback address without basic auth (default false).", (o, v) => o with { AllowRemoteWithoutAuth = Boolean(v) }),
        new("server.maxRequestBodySize", "Largest request body in bytes, or with KB/MB/GB (default 100MB).", (o, v) => o with { MaxRequestBodySize = Size(v) }),
        new("server.terminationGracePeriod", "How long running tasks may finish on shutdown, ISO-8601 (default PT30S).", (o, v) => o with { TerminationGracePeriod = Duration(v) }),
        new("server.recoveryInterval", "How often executions of dead Harrier processes are adopted and their leftovers on this machine removed, ISO-8601 (default PT30S).", (o, v) => o with { RecoveryInterval = Duration(v) }),
        new("server.url", "Public URL of the server, used in execution links.", (o, v) => o with { PublicUrl = v.TrimEnd('/') }),
        new("dataDir", "Data directory: database, storage, SECRET key (default .harrier).", (o, v) => o with { DataDirectory = v }),
        new("database.type", "Where executions, logs and the queue live: sqlite (default, in dataDir) or postgres.", (o, v) => o with { DatabaseType = DatabaseType(v) }),
        new("database.url", "The PostgreSQL database, postgresql://user:password@host:5432/db (password never logged).", (o, v) => o with { DatabaseUrl = DatabaseUrl(v) }),
        new("workers", "Task runs executed at once (default: cores, at least 2).", (o, v) => o with { Workers = Integer(v) }),
        new("worker.group", "Worker group of this process's worker (server worker; default: none, group-less tasks only).", (o, v) => o with { WorkerGroup = v }),
        new("worker.leaseDuration", "How long a job stays a worker's without renewal; a dead worker's tasks run again after it, ISO-8601 (default PT30S).", (o, v) => o with { LeaseDuration = Duration(v) }),
        new("executor.leaseDuration", "How long an executor holds an execution it plans; a killed executor's execution is planned by another after it, ISO-8601 (default PT30S).", (o, v) => o with { PlanningLeaseDuration = Duration(v) }),
        new("flows", "Folder of flows deployed at start and kept in sync.", (o, v) => o with { FlowsDirectory = v }),
        new("defaultRunner", "Runner of script tasks that name none: process (default) or docker.", (o, v) => o with { DefaultRunner = v }),
        new("docker.volumesEnabled", "Let Docker-runner tasks bind-mount host paths (default false).", (o, v) => o with { DockerVolumesEnabled = Boolean(v) }),
    ];

    public static ServerConfigKey? Find(string path) => All.FirstOrDefault(k => string.Equals(k.Path, path, StringComparison.Ordinal));

    private static int Integer(string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : throw new FormatException($"'{value}' is not a whole number");

    private static string DatabaseType(string value) => value.Trim().ToLowerInvariant() switch
    {
        "sqlite" => Hosting.DatabaseSettings.SqliteType,
        "postgres" or "postgresql" => Hosting.DatabaseSettings.PostgresType,
        _ => throw new FormatException($"'{value}' is not a database type; use sqlite or postgres"),
    };

    /// <summary>Checked here, so a bad url is reported at its line; the message never holds the password.</summary>
    private static string DatabaseUrl(string value)
    {
        try
        {
            _ = Persistence.Postgres.PostgresUrl.ToConnectionString(value);
            return value.Trim();
        }
        catch (Persistence.Postgres.PostgresConfigException ex)
        {
            throw new FormatException(ex.Message, ex);
        }
    }

    private static bool Boolean(string value) => value.ToLowerInvariant() switch
    {
        "true" or "yes" or "1" => true,
        "false" or "no" or "0" => false,
        _ => throw new FormatException($"'{value}' is not true or false"),
    };

    private static TimeSpan Duration(string value) =>
        IsoDuration.TryParse(value, out var duration) ? duration : throw new FormatException($"'{value}' is not an ISO-8601 duration such as PT30S");

    private static long Size(string value)
    {
        var text = value.Trim().ToUpperInvariant();
        var (digits, factor) = text switch
        {
            _ when text.EndsWith("GB", StringComparison.Ordinal) => (text[..^2], 1024L * 1024 * 1024),
            _ when text.EndsWith("MB", StringComparison.Ordinal) => (text[..^2], 1024L * 1024),
            _ when text.EndsWith("KB", StringComparison.Ordinal) => (text[..^2], 1024L),
            _ => (text, 1L),
        };
        return long.TryParse(digits.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= 0
            ? checked(number * factor)
            : throw new FormatException($"'{value}' is not a size such as 104857600, 512KB or 100MB");
    }
}
