using Harrier.Core.Store;
using Harrier.TestKit.Contracts;

namespace Harrier.Persistence.Tests.Sqlite;

/// <summary>The EngineCommitsContract for the fallback that writes through the store and queue seams one by one.</summary>
public sealed class SequentialEngineCommitsTests : EngineCommitsContract
{
    private readonly TempDataDirectory _directory = new();

    protected override async Task<EngineCommitsSubject> CreateAsync(TimeProvider time)
    {
        var store = await _directory.OpenAsync(time);
        return new EngineCommitsSubject(store.Executions, store.Jobs, new SequentialEngineCommits(store.Executions, store.Jobs));
    }

    public override Task DisposeAsync() => _directory.DeleteAsync();
}
