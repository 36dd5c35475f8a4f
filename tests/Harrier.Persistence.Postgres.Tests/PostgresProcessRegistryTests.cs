using Harrier.TestKit.Contracts;
using Xunit;

namespace Harrier.Persistence.Postgres.Tests;

/// <summary>The ProcessRegistryContract suite on a real PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresProcessRegistryTests(PostgresCluster cluster) : ProcessRegistryContract
{
    private readonly TempDatabase _database = new(cluster);

    protected override Task<StoreSubject> CreateAsync(TimeProvider time) => PostgresSubjects.CreateAsync(_database, time);

    public override Task DisposeAsync() => _database.DeleteAsync();
}
