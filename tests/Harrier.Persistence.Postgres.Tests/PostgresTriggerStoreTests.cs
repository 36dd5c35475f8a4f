using Harrier.TestKit.Contracts;
using Xunit;

namespace Harrier.Persistence.Postgres.Tests;

/// <summary>The TriggerStoreContract suite on a real PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresTriggerStoreTests(PostgresCluster cluster) : TriggerStoreContract
{
    private readonly TempDatabase _database = new(cluster);

    protected override Task<ServerSeams> CreateAsync(TimeProvider time) => PostgresSubjects.CreateServerAsync(_database, time);

    public override Task DisposeAsync() => _database.DeleteAsync();
}
