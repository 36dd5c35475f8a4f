using Harrier.Persistence.Sqlite;

namespace Harrier.Persistence.Tests.Sqlite;

/// <summary>A real data directory under the system temp dir, with the stores opened on it; deleted on dispose.</summary>
internal sealed class TempDataDirectory
{
    private readonly List<SqliteStore> _stores = [];

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "harrier-tests", Guid.NewGuid().ToString("N"));

    public async Task<SqliteStore> OpenAsync(TimeProvider? time = null)
    {
        var store = await SqliteStore.OpenAsync(Path, time ?? TimeProvider.System, CancellationToken.None);
        _stores.Add(store);
        return store;
    }

    /// <summary>Closes every store opened here and deletes the directory.</summary>
    public async Task DeleteAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
