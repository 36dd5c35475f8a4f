using Harrier.TestKit.Contracts;

namespace Harrier.Persistence.Tests.Sqlite;

/// <summary>The TaskRunStoreContract suite on a real SQLite file.</summary>
public sealed class SqliteTaskRunStoreTests : TaskRunStoreContract
{
    private readonly TempDataDirectory _directory = new();

    protected override Task<StoreSubject> CreateAsync(TimeProvider time) => SqliteSubjects.CreateAsync(_directory, time);

    public override Task DisposeAsync() => _directory.DeleteAsync();
}
