using Harrier.Core.Store;
using Harrier.TestKit.Contracts;
using Xunit;

namespace Harrier.Persistence.Postgres.Tests;

/// <summary>The PauseResumesContract suite on a real PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresPauseResumesTests(PostgresCluster cluster) : PauseResumesContract
{
    private readonly TempDatabase _database = new(cluster);
    private IPauseResumes? _resumes;

    protected override IPauseResumes Resumes => _resumes!;

    protected override async Task<StoreSubject> CreateAsync(TimeProvider time)
    {
        var store = await _database.OpenAsync(time);
        _resumes = store.Resumes;
        return PostgresSubjects.Engine(store);
    }

    public override Task DisposeAsync() => _database.DeleteAsync();
}
