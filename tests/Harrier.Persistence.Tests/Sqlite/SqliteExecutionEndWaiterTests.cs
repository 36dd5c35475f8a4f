using Harrier.Core.Engine.Coordination;
using Harrier.TestKit.Contracts;

namespace Harrier.Persistence.Tests.Sqlite;

/// <summary>The ExecutionEndWaiterContract suite: <see cref="StoreExecutionEndWaiter"/> over a real SQLite file.</summary>
public sealed class SqliteExecutionEndWaiterTests : ExecutionEndWaiterContract, IDisposable
{
    private readonly TempDataDirectory _directory = new();
    private readonly InProcessNudges _nudges = new();

    protected override Task<StoreSubject> CreateAsync(TimeProvider time) => SqliteSubjects.CreateAsync(_directory, time);

    protected override IExecutionEndWaiter CreateWaiter(StoreSubject subject) => new StoreExecutionEndWaiter(subject.Store, _nudges, TimeSpan.FromMilliseconds(20));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _directory.DeleteAsync();
    }

    public void Dispose() => _nudges.Dispose();
}
