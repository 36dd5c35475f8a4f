using Harrier.Core.Queue;
using Harrier.TestKit.Contracts;
using Xunit;

namespace Harrier.Persistence.Postgres.Tests;

/// <summary>The JobQueueContract suite on a real PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresJobQueueTests(PostgresCluster cluster) : JobQueueContract
{
    private readonly TempDatabase _database = new(cluster);

    protected override async Task<IJobQueue> CreateQueueAsync(TimeProvider time) => (await _database.OpenAsync(time)).Jobs;

    public override Task DisposeAsync() => _database.DeleteAsync();
}
