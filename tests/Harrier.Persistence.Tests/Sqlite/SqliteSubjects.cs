using Harrier.TestKit.Contracts;

namespace Harrier.Persistence.Tests.Sqlite;

/// <summary>Every seam of a real SQLite store in a fresh data directory, for the contract suites.</summary>
internal static class SqliteSubjects
{
    public static async Task<StoreSubject> CreateAsync(TempDataDirectory directory, TimeProvider time)
    {
        var store = await directory.OpenAsync(time);
        return new StoreSubject(store.Executions, store.Jobs, store.Planning, store.Commits, store.Kills, store.Processes, store.Ownership, store.Logs);
    }
}
