using Harrier.Core.Queue;
using Harrier.Core.Store;
using Harrier.Core.Store.Flows;
using Harrier.Core.Store.KeyValues;
using Harrier.Core.Store.Triggers;

namespace Harrier.Persistence;

/// <summary>
/// Every seam of one backend over one database (SQLite's <c>SqliteStore</c>, PostgreSQL's <c>PostgresStore</c>), as the
/// composition root hands them out. Open once per process and share; every member is thread-safe.
/// </summary>
public interface IStore : IAsyncDisposable
{
    IExecutionStore Executions { get; }

    ILogStore Logs { get; }

    ILogPurges LogPurges { get; }

    IJobQueue Jobs { get; }

    IPlanningQueue Planning { get; }

    IEngineCommits Commits { get; }

    IKillRequests Kills { get; }

    IPauseResumes Resumes { get; }

    IProcessRegistry Processes { get; }

    IExecutionOwnership Ownership { get; }

    IFlowStore Flows { get; }

    IKeyValueStore KeyValues { get; }

    IExecutionSearch ExecutionSearch { get; }

    IExecutionDeletions Deletions { get; }

    IQueueStatistics QueueStatistics { get; }

    ILogSearch LogSearch { get; }

    IExecutionRestarts Restarts { get; }

    ITriggerStore Triggers { get; }

    /// <summary>Wake-ups from other processes on the same database; null when the backend has none (SQLite polls and nudges in-process).</summary>
    Core.Engine.Coordination.IStoreNotifications? Notifications { get; }
}
