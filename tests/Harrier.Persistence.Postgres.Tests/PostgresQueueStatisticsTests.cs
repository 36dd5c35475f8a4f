using Harrier.Core.Store;
using Harrier.TestKit.Contracts;
using Xunit;

namespace Harrier.Persistence.Postgres.Tests;

/// <summary>The QueueStatisticsContract suite on a real PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresQueueStatisticsTests(PostgresCluster cluster) : QueueStatisticsContract
{
    private readonly TempDatabase _database = new(cluster);
    private IQueueStatistics? _statistics;

    protected override IQueueStatistics Statistics => _statistics!;

    protected override async Task<StoreSubject> CreateAsync(TimeProvider time)
    {
        var store = await _database.OpenAsync(time);
        _statistics = store.QueueStatistics;
        return PostgresSubjects.Engine(store);
    }

    public override Task DisposeAsync() => _database.DeleteAsync();
}
