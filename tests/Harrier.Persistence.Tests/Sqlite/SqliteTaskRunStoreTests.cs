using Harrier.Core.Store;
using Harrier.TestKit.Contracts;

namespace Harrier.Persistence.Tests.Sqlite;

/// <summary>The TaskRunStoreContract suite on a real SQLite file.</summary>
public sealed class SqliteTaskRunStoreTests : TaskRunStoreContract
{
    private readonly TempDataDirectory _directory = new();

    protected override async Task<IExecutionStore> CreateStoreAsync() => (await _directory.OpenAsync()).Executions;

    public override Task DisposeAsync() => _directory.DeleteAsync();
}
