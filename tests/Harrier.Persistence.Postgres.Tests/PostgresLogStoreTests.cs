using Harrier.Core.Store;
using Harrier.TestKit.Contracts;
using Xunit;

namespace Harrier.Persistence.Postgres.Tests;

/// <summary>The LogStoreContract suite on a real PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresLogStoreTests(PostgresCluster cluster) : LogStoreContract
{
    private readonly TempDatabase _database = new(cluster);

    protected override async Task<ILogStore> CreateLogStoreAsync() => (await _database.OpenAsync()).Logs;

    public override Task DisposeAsync() => _database.DeleteAsync();
}
