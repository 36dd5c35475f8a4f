using Harrier.TestKit.Contracts;
using Xunit;

namespace Harrier.Persistence.Postgres.Tests;

/// <summary>The LogPurgesContract suite on a real PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresLogPurgesTests(PostgresCluster cluster) : LogPurgesContract
{
    private readonly TempDatabase _database = new(cluster);

    protected override Task<ServerSeams> CreateAsync(TimeProvider time) => PostgresSubjects.CreateServerAsync(_database, time);

    public override Task DisposeAsync() => _database.DeleteAsync();
}
