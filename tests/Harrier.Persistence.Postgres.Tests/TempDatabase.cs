namespace Harrier.Persistence.Postgres.Tests;

/// <summary>A fresh database of the cluster for one test, with the stores opened on it; closed and dropped on dispose.</summary>
public sealed class TempDatabase(PostgresCluster cluster)
{
    private readonly List<PostgresStore> _stores = [];
    private string? _name;

    public PostgresCluster Cluster => cluster;

    public async Task<string> NameAsync() => _name ??= await cluster.CreateDatabaseAsync();

    public async Task<PostgresStore> OpenAsync(TimeProvider? time = null)
    {
        var store = await PostgresStore.OpenAsync(new PostgresOptions { Url = cluster.ConnectionString(await NameAsync()) }, time ?? TimeProvider.System, CancellationToken.None);
        _stores.Add(store);
        return store;
    }

    public async Task DeleteAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        if (_name is not null)
        {
            await cluster.DropDatabaseAsync(_name);
        }
    }
}
