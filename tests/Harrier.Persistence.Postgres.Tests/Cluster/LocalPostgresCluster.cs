using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Harrier.Persistence.Postgres.Tests;

/// <summary>
/// A real, throwaway PostgreSQL 15 cluster for one test run: <c>initdb</c> into a temp folder (trust authentication),
/// <c>pg_ctl start</c> on a free 127.0.0.1 port with its unix socket in that folder, run as the <c>postgres</c> OS user
/// (the tests run as root, which PostgreSQL refuses). Stopped and deleted on dispose. Each test gets a database of its own,
/// copied from a template the migrations were applied to once. Free of any test framework: the benchmarks start one too
/// (bench/Harrier.Bench links this file); the tests use it through <see cref="PostgresCluster"/>.
/// </summary>
/// <remarks>
/// Durability settings are off (fsync, synchronous_commit, full_page_writes): these tests check what the store does, not
/// what the disk keeps after a power loss, and a commit then costs no flush.
/// </remarks>
public class LocalPostgresCluster : IAsyncDisposable
{
    public const string BinDirectory = "/usr/lib/postgresql/15/bin";

    private const string Template = "harrier_template";

    private const string Prefix = "harrier-pg-";

    /// <summary>The test process that started a cluster, so a later run can tell an abandoned one (its runner was killed).</summary>
    private const string OwnerFile = "owner.pid";

    private readonly List<Task> _drops = [];
    private int _databases;

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), Prefix + Guid.NewGuid().ToString("N")[..12]);

    public int Port { get; private set; }

    public string DataDirectory => Path.Combine(Directory, "data");

    /// <summary>A connection string to <paramref name="database"/> on this cluster (superuser postgres, no password: trust).</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, Pooling = true }.ConnectionString;

    /// <summary>The URL form of the same address, as a user writes it in the server's configuration.</summary>
    public string Url(string database) => $"postgresql://postgres@127.0.0.1:{Port}/{database}";

    public async Task StartAsync()
    {
        if (!File.Exists(Path.Combine(BinDirectory, "initdb")) || !File.Exists(Path.Combine(BinDirectory, "pg_ctl")))
        {
            throw new InvalidOperationException(
                $"PostgreSQL 15 is not installed ({BinDirectory}/initdb is missing), so the PostgreSQL backend cannot be tested. " +
                "Install it with ./scripts/setup (its step scripts/setup.d/45-postgresql.sh), or: apt-get install -y postgresql");
        }

        await StopAbandonedClustersAsync();
        System.IO.Directory.CreateDirectory(Directory);
        await File.WriteAllTextAsync(Path.Combine(Directory, OwnerFile), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await RunAsync("chown", ["postgres:postgres", Directory]);
        await RunAsPostgresAsync("initdb", ["-D", DataDirectory, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"]);
        Port = FreePort();
        var options = $"-p {Port} -k {Directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off " +
            "-c max_connections=300";
        await RunAsPostgresAsync("pg_ctl", ["-D", DataDirectory, "-o", options, "-l", Path.Combine(Directory, "server.log"), "-w", "-t", "60", "start"]);
        await using var store = await PostgresStore.OpenAsync(new PostgresOptions { Url = ConnectionString(await CreateEmptyAsync(Template)) }, TimeProvider.System, CancellationToken.None);
    }

    /// <summary>A fresh database with the migrations already applied (a copy of the template).</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "h" + Interlocked.Increment(ref _databases).ToString(System.Globalization.CultureInfo.InvariantCulture);
        // The template must have no connections while it is copied: every store on it was disposed, and pools cleared.
        NpgsqlConnection.ClearAllPools();
        // FILE_COPY: a copy of the template's files (half the time of WAL_LOG's block-by-block copy with fsync off).
        await ExecuteAsync($"CREATE DATABASE {name} TEMPLATE {Template} STRATEGY FILE_COPY");
        return name;
    }

    /// <summary>A fresh database without Harrier's schema (migration tests).</summary>
    public async Task<string> CreateEmptyAsync(string? name = null)
    {
        name ??= "e" + Interlocked.Increment(ref _databases).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await ExecuteAsync($"CREATE DATABASE {name}");
        return name;
    }

    /// <summary>Drops a test's database in the background (the next test need not wait for it); <see cref="DisposeAsync"/> waits for every drop.</summary>
    public Task DropDatabaseAsync(string name)
    {
        lock (_drops)
        {
            _drops.Add(Task.Run(() => ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)")));
        }

        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        Task[] drops;
        lock (_drops)
        {
            drops = [.. _drops];
        }

        await Task.WhenAll(drops);
        NpgsqlConnection.ClearAllPools();
        if (Port != 0)
        {
            await RunAsPostgresAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]);
        }

        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Clusters of earlier runs whose test process is gone (killed before its DisposeAsync) would run forever: each is
    /// stopped through its own data folder (pg_ctl stops the postmaster recorded there, nothing else) and deleted.
    /// </summary>
    private static async Task StopAbandonedClustersAsync()
    {
        foreach (var folder in System.IO.Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            var owner = Path.Combine(folder, OwnerFile);
            if (!File.Exists(owner) || !int.TryParse(await File.ReadAllTextAsync(owner), out var pid) || IsRunning(pid))
            {
                continue;
            }

            var data = Path.Combine(folder, "data");
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                using var stop = Process.Start(new ProcessStartInfo("runuser", ["-u", "postgres", "--", Path.Combine(BinDirectory, "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop"])
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                });
                if (stop is not null)
                {
                    await stop.WaitForExitAsync();
                }
            }

            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        // Names are made here (h1, h2…), never taken from input; CREATE/DROP DATABASE take no parameters.
        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private Task RunAsPostgresAsync(string tool, IReadOnlyList<string> arguments) =>
        RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(BinDirectory, tool), .. arguments]);

    private async Task RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Directory };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            var log = Path.Combine(Directory, "server.log");
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}{await output}" +
                (File.Exists(log) ? "\nserver.log:\n" + await File.ReadAllTextAsync(log) : ""));
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
