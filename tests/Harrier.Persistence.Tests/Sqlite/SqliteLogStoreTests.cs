using Harrier.Core.Store;
using Harrier.TestKit.Contracts;

namespace Harrier.Persistence.Tests.Sqlite;

/// <summary>The LogStoreContract suite on a real SQLite file.</summary>
public sealed class SqliteLogStoreTests : LogStoreContract
{
    private readonly TempDataDirectory _directory = new();

    protected override async Task<ILogStore> CreateLogStoreAsync() => (await _directory.OpenAsync()).Logs;

    public override Task DisposeAsync() => _directory.DeleteAsync();
}
