using Harrier.Core.Engine.Coordination;
using Harrier.TestKit.Contracts;
using Xunit;

namespace Harrier.Persistence.Postgres.Tests;

/// <summary>The ExecutionEndWaiterContract suite: <see cref="StoreExecutionEndWaiter"/> over a real PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresExecutionEndWaiterTests(PostgresCluster cluster) : ExecutionEndWaiterContract, IDisposable
{
    private readonly TempDatabase _database = new(cluster);
    private readonly InProcessNudges _nudges = new();

    protected override Task<StoreSubject> CreateAsync(TimeProvider time) => PostgresSubjects.CreateAsync(_database, time);

    protected override IExecutionEndWaiter CreateWaiter(StoreSubject subject) => new StoreExecutionEndWaiter(subject.Store, _nudges, TimeSpan.FromMilliseconds(20));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DeleteAsync();
    }

    public void Dispose() => _nudges.Dispose();
}
