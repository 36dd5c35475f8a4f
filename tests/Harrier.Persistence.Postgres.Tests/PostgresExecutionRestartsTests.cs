using Harrier.Core.Store;
using Harrier.TestKit.Contracts;
using Xunit;

namespace Harrier.Persistence.Postgres.Tests;

/// <summary>The ExecutionRestartsContract suite on a real PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresExecutionRestartsTests(PostgresCluster cluster) : ExecutionRestartsContract
{
    private readonly TempDatabase _database = new(cluster);
    private IExecutionRestarts? _restarts;

    protected override IExecutionRestarts Restarts => _restarts!;

    protected override async Task<StoreSubject> CreateAsync(TimeProvider time)
    {
        var store = await _database.OpenAsync(time);
        _restarts = store.Restarts;
        return PostgresSubjects.Engine(store);
    }

    public override Task DisposeAsync() => _database.DeleteAsync();
}
