using Harrier.Core.Queue;
using Harrier.Core.Store;
using Harrier.Core.Store.Flows;
using Harrier.Core.Store.KeyValues;
using Harrier.Core.Store.Triggers;

namespace Harrier.Persistence.Postgres;

/// <summary>
/// The multi-process store: one PostgreSQL database holding executions, logs, the job queue and the coordination tables,
/// shared by any number of Harrier processes on any number of machines. Open it once per process (one connection pool)
/// and share it; every member is thread-safe.
/// </summary>
public sealed class PostgresStore : IStore
{
    private PostgresStore(PostgresDatabase database, TimeProvider time)
    {
        Database = database;
        Executions = new PostgresExecutionStore(database, time);
        LogPurges = new PostgresLogPurges(database);
        Logs = new PostgresLogStore(database);
        Jobs = new PostgresJobQueue(database, time);
        Planning = new PostgresPlanningQueue(database, time);
        Commits = new PostgresEngineCommits(database, time);
        Kills = new PostgresKillRequests(database, time);
        Resumes = new PostgresPauseResumes(database, time);
        Processes = new PostgresProcessRegistry(database, time);
        Ownership = new PostgresExecutionOwnership(database, time);
        Flows = new PostgresFlowStore(database, time);
        KeyValues = new PostgresKeyValueStore(database, time);
        ExecutionSearch = new PostgresExecutionSearch(database);
        Deletions = new PostgresExecutionDeletions(database);
        QueueStatistics = new PostgresQueueStatistics(database, time);
        LogSearch = new PostgresLogSearch(database);
        Restarts = new PostgresExecutionRestarts(database, time);
        Triggers = new PostgresTriggerStore(database, time);
        Listener = new PostgresNotificationListener(database.ConnectionString);
    }

    public PostgresDatabase Database { get; }

    public IExecutionStore Executions { get; }

    public ILogStore Logs { get; }

    public ILogPurges LogPurges { get; }

    public IJobQueue Jobs { get; }

    public IPlanningQueue Planning { get; }

    public IEngineCommits Commits { get; }

    public IKillRequests Kills { get; }

    public IPauseResumes Resumes { get; }

    public IProcessRegistry Processes { get; }

    public IExecutionOwnership Ownership { get; }

    public IFlowStore Flows { get; }

    public IKeyValueStore KeyValues { get; }

    public IExecutionSearch ExecutionSearch { get; }

    public IExecutionDeletions Deletions { get; }

    public IQueueStatistics QueueStatistics { get; }

    public ILogSearch LogSearch { get; }

    public IExecutionRestarts Restarts { get; }

    public ITriggerStore Triggers { get; }

    /// <summary>LISTEN/NOTIFY: what other processes on this database enqueued, woke, ended or killed.</summary>
    public PostgresNotificationListener Listener { get; }

    public Core.Engine.Coordination.IStoreNotifications? Notifications => Listener;

    /// <summary>Connects, applies pending migrations and returns the store; throws <see cref="StoreFailedException"/> when the database does not answer.</summary>
    public static async Task<PostgresStore> OpenAsync(PostgresOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var database = await PostgresDatabase.OpenAsync(options, time, cancellationToken).ConfigureAwait(false);
        return new PostgresStore(database, time);
    }

    public async ValueTask DisposeAsync()
    {
        await Listener.DisposeAsync().ConfigureAwait(false);
        await Database.DisposeAsync().ConfigureAwait(false);
    }
}
