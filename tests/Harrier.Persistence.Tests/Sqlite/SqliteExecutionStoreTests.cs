using Harrier.Core.Store;
using Harrier.TestKit.Contracts;

namespace Harrier.Persistence.Tests.Sqlite;

/// <summary>The ExecutionStoreContract suite on a real SQLite file.</summary>
public sealed class SqliteExecutionStoreTests : ExecutionStoreContract
{
    private readonly TempDataDirectory _directory = new();

    protected override async Task<IExecutionStore> CreateStoreAsync() => (await _directory.OpenAsync()).Executions;

    public override Task DisposeAsync() => _directory.DeleteAsync();
}
