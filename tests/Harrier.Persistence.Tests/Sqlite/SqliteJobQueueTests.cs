using Harrier.Core.Queue;
using Harrier.TestKit.Contracts;

namespace Harrier.Persistence.Tests.Sqlite;

/// <summary>The JobQueueContract suite on a real SQLite file.</summary>
public sealed class SqliteJobQueueTests : JobQueueContract
{
    private readonly TempDataDirectory _directory = new();

    protected override async Task<IJobQueue> CreateQueueAsync(TimeProvider time) => (await _directory.OpenAsync(time)).Jobs;

    public override Task DisposeAsync() => _directory.DeleteAsync();
}
