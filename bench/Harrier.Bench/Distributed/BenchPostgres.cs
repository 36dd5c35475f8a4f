using Harrier.Persistence.Postgres.Tests;

namespace Harrier.Bench.Distributed;

/// <summary>
/// The benchmark run's PostgreSQL cluster: the tests' throwaway cluster (<see cref="LocalPostgresCluster"/>, linked from
/// tests/Harrier.Persistence.Postgres.Tests: initdb into a temp folder, 127.0.0.1 on a free port, durability off as in
/// the tests), started by the first scenario that needs it and stopped when the run ends. Each repetition gets a fresh
/// database copied from the migrated template.
/// </summary>
public static class BenchPostgres
{
    private static LocalPostgresCluster? _cluster;

    /// <summary>Why the PostgreSQL scenarios cannot run here, or null.</summary>
    public static string? Missing() =>
        File.Exists(Path.Combine(LocalPostgresCluster.BinDirectory, "initdb")) ? null : "no PostgreSQL 15: run scripts/setup";

    /// <summary>A <c>harrier.yml</c> in <paramref name="folder"/> naming a fresh database of the cluster.</summary>
    public static async Task<string> ConfigAsync(string folder)
    {
        if (_cluster is null)
        {
            var cluster = new LocalPostgresCluster();
            await cluster.StartAsync();
            _cluster = cluster;
        }

        var database = await _cluster.CreateDatabaseAsync();
        Directory.CreateDirectory(folder);
        var config = Path.Combine(folder, "harrier.yml");
        await File.WriteAllTextAsync(config, $"database:\n  type: postgres\n  url: {_cluster.Url(database)}\n");
        return config;
    }

    public static void StopIfStarted()
    {
        _cluster?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _cluster = null;
    }
}
