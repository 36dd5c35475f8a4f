using Harrier.Core.Store;
using Harrier.TestKit.Contracts;

namespace Harrier.Persistence.Tests.Sqlite;

/// <summary>The QueueStatisticsContract suite on a real SQLite file.</summary>
public sealed class SqliteQueueStatisticsTests : QueueStatisticsContract
{
    private readonly TempDataDirectory _directory = new();
    private IQueueStatistics? _statistics;

    protected override IQueueStatistics Statistics => _statistics!;

    protected override async Task<StoreSubject> CreateAsync(TimeProvider time)
    {
        var store = await _directory.OpenAsync(time);
        _statistics = store.QueueStatistics;
        return new StoreSubject(store.Executions, store.Jobs, store.Planning, store.Commits, store.Kills, store.Processes, store.Ownership, store.Logs);
    }

    public override Task DisposeAsync() => _directory.DeleteAsync();
}
