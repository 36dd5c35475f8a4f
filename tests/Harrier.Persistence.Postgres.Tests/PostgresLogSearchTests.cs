using Harrier.TestKit.Contracts;
using Xunit;

namespace Harrier.Persistence.Postgres.Tests;

/// <summary>The LogSearchContract suite on a real PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresLogSearchTests(PostgresCluster cluster) : LogSearchContract
{
    private readonly TempDatabase _database = new(cluster);

    protected override Task<ServerSeams> CreateAsync(TimeProvider time) => PostgresSubjects.CreateServerAsync(_database, time);

    public override Task DisposeAsync() => _database.DeleteAsync();
}
