using Harrier.Core.Store;
using Harrier.Core.Store.Flows;
using Harrier.Core.Store.KeyValues;

namespace Harrier.TestKit.Contracts;

/// <summary>The seams the server adds to a backend, over one database, with the engine's seams to put data in.</summary>
public sealed record ServerSeams(
    StoreSubject Engine, IFlowStore Flows, IKeyValueStore KeyValues, IExecutionSearch ExecutionSearch, IExecutionDeletions Deletions,
    IQueueStatistics QueueStatistics, ILogSearch LogSearch, Core.Store.Triggers.ITriggerStore Triggers, ILogPurges LogPurges);
