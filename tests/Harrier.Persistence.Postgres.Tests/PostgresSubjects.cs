using Harrier.TestKit.Contracts;

namespace Harrier.Persistence.Postgres.Tests;

/// <summary>Every seam of a real PostgreSQL store on a fresh database, for the contract suites.</summary>
internal static class PostgresSubjects
{
    public static async Task<StoreSubject> CreateAsync(TempDatabase database, TimeProvider time) => Engine(await database.OpenAsync(time));

    public static async Task<ServerSeams> CreateServerAsync(TempDatabase database, TimeProvider time)
    {
        var store = await database.OpenAsync(time);
        return new ServerSeams(Engine(store), store.Flows, store.KeyValues, store.ExecutionSearch, store.Deletions, store.QueueStatistics, store.LogSearch, store.Triggers, store.LogPurges);
    }

    public static StoreSubject Engine(PostgresStore store) =>
        new(store.Executions, store.Jobs, store.Planning, store.Commits, store.Kills, store.Processes, store.Ownership, store.Logs);
}
