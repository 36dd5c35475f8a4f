using Harrier.Core.Queue;
using Harrier.Core.Store;
using Harrier.Core.Store.Flows;
using Harrier.Core.Store.KeyValues;

namespace Harrier.Persistence.Sqlite;

/// <summary>
/// The embedded store: one SQLite file holding executions, logs, the job queue and the coordination tables. Open it once
/// per process and share it; every member is safe to use from many threads, and several processes may open one file.
/// </summary>
public sealed class SqliteStore : IStore
{
    private SqliteStore(SqliteDatabase database, TimeProvider time)
    {
        Database = database;
        Executions = new SqliteExecutionStore(database, time);
        LogPurges = new SqliteLogPurges(database);
        Logs = new SqliteLogStore(database);
        Jobs = new SqliteJobQueue(database, time);
        Planning = new SqlitePlanningQueue(database, time);
        Commits = new SqliteEngineCommits(database, time);
        Kills = new SqliteKillRequests(database, time);
        Resumes = new SqlitePauseResumes(database, time);
        Processes = new SqliteProcessRegistry(database, time);
        Ownership = new SqliteExecutionOwnership(database, time);
        Flows = new SqliteFlowStore(database, time);
        KeyValues = new SqliteKeyValueStore(database, time);
        ExecutionSearch = new SqliteExecutionSearch(database);
        Deletions = new SqliteExecutionDeletions(database);
        QueueStatistics = new SqliteQueueStatistics(database, time);
        LogSearch = new SqliteLogSearch(database);
        Restarts = new SqliteExecutionRestarts(database, time);
        Triggers = new SqliteTriggerStore(database, time);
    }

    public SqliteDatabase Database { get; }

    public IExecutionStore Executions { get; }

    public ILogStore Logs { get; }

    public ILogPurges LogPurges { get; }

    public IJobQueue Jobs { get; }

    public IPlanningQueue Planning { get; }

    /// <summary>The engine's fenced writes over executions, task runs, jobs and wake-ups, one transaction each.</summary>
    public IEngineCommits Commits { get; }

    public IKillRequests Kills { get; }

    public IPauseResumes Resumes { get; }

    public IProcessRegistry Processes { get; }

    public IExecutionOwnership Ownership { get; }

    /// <summary>Deployed flows with their revisions (the server's).</summary>
    public IFlowStore Flows { get; }

    public IKeyValueStore KeyValues { get; }

    public IExecutionSearch ExecutionSearch { get; }

    public IExecutionDeletions Deletions { get; }

    public IQueueStatistics QueueStatistics { get; }

    public ILogSearch LogSearch { get; }

    public IExecutionRestarts Restarts { get; }

    /// <summary>The scheduler's state: triggers, condition windows, the outbox of ended executions.</summary>
    public Harrier.Core.Store.Triggers.ITriggerStore Triggers { get; }

    /// <summary>None: SQLite is one machine's file; its engine nudges in-process and polls.</summary>
    public Core.Engine.Coordination.IStoreNotifications? Notifications => null;

    /// <summary>Opens <c>&lt;dataDirectory&gt;/harrier.db</c>, creating it and applying migrations as needed.</summary>
    public static Task<SqliteStore> OpenAsync(string dataDirectory, TimeProvider time, CancellationToken cancellationToken) =>
        OpenAsync(new SqliteOptions { DataDirectory = dataDirectory }, time, cancellationToken);

    public static async Task<SqliteStore> OpenAsync(SqliteOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var database = await SqliteDatabase.OpenAsync(options, time, cancellationToken).ConfigureAwait(false);
        return new SqliteStore(database, time);
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
