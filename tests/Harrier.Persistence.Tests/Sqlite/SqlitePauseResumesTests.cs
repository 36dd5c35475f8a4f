using Harrier.Core.Store;
using Harrier.TestKit.Contracts;

namespace Harrier.Persistence.Tests.Sqlite;

/// <summary>The PauseResumesContract suite on a real SQLite file.</summary>
public sealed class SqlitePauseResumesTests : PauseResumesContract
{
    private readonly TempDataDirectory _directory = new();
    private IPauseResumes? _resumes;

    protected override IPauseResumes Resumes => _resumes!;

    protected override async Task<StoreSubject> CreateAsync(TimeProvider time)
    {
        var store = await _directory.OpenAsync(time);
        _resumes = store.Resumes;
        return new StoreSubject(store.Executions, store.Jobs, store.Planning, store.Commits, store.Kills, store.Processes, store.Ownership, store.Logs);
    }

    public override Task DisposeAsync() => _directory.DeleteAsync();
}
