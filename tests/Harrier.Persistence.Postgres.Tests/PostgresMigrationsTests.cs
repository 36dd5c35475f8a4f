using Npgsql;
using Xunit;

namespace Harrier.Persistence.Postgres.Tests;

/// <summary>Numbered migrations under an advisory lock: processes starting at once on an empty database do not race.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresMigrationsTests(PostgresCluster cluster)
{
    [Fact]
    public async Task FourStores_OpeningAnEmptyDatabaseAtOnce_AllOpen_AndEachMigrationIsAppliedOnce()
    {
        var database = await cluster.CreateEmptyAsync();
        var options = new PostgresOptions { Url = cluster.ConnectionString(database) };

        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => PostgresStore.OpenAsync(options, TimeProvider.System, CancellationToken.None))));
        try
        {
            Assert.Equal(
                PostgresMigrations.All.Select(m => m.Version).ToList(),
                await QueryAsync(database, "SELECT version FROM schema_migrations ORDER BY version"));
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }

            await cluster.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task ADatabaseWithANewerSchema_IsRefused_WithASentence()
    {
        var database = await cluster.CreateDatabaseAsync();
        await QueryAsync(database, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, '9999_future', 'now') RETURNING version");

        var error = await Assert.ThrowsAsync<PostgresConfigException>(() =>
            PostgresStore.OpenAsync(new PostgresOptions { Url = cluster.ConnectionString(database) }, TimeProvider.System, CancellationToken.None));

        Assert.Contains("has schema version 9999, newer than this Harrier knows", error.Message, StringComparison.Ordinal);
        await cluster.DropDatabaseAsync(database);
    }

    private async Task<List<int>> QueryAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString(database) + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<int>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetInt32(0));
        }

        return values;
    }
}
