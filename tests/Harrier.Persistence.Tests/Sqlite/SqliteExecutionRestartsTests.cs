using Harrier.Core.Store;
using Harrier.TestKit.Contracts;

namespace Harrier.Persistence.Tests.Sqlite;

/// <summary>The ExecutionRestartsContract suite on a real SQLite file.</summary>
public sealed class SqliteExecutionRestartsTests : ExecutionRestartsContract
{
    private readonly TempDataDirectory _directory = new();
    private IExecutionRestarts? _restarts;

    protected override IExecutionRestarts Restarts => _restarts!;

    protected override async Task<StoreSubject> CreateAsync(TimeProvider time)
    {
        var store = await _directory.OpenAsync(time);
        _restarts = store.Restarts;
        return new StoreSubject(store.Executions, store.Jobs, store.Planning, store.Commits, store.Kills, store.Processes, store.Ownership, store.Logs);
    }

    public override Task DisposeAsync() => _directory.DeleteAsync();
}
