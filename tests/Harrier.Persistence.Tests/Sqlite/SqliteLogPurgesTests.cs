using Harrier.TestKit.Contracts;

namespace Harrier.Persistence.Tests.Sqlite;

/// <summary>The LogPurgesContract suite on a real SQLite file.</summary>
public sealed class SqliteLogPurgesTests : LogPurgesContract
{
    private readonly TempDataDirectory _directory = new();

    protected override Task<ServerSeams> CreateAsync(TimeProvider time) => SqliteServerSeams.CreateAsync(_directory, time);

    public override Task DisposeAsync() => _directory.DeleteAsync();
}
