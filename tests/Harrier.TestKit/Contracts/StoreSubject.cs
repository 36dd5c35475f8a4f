using Harrier.Core.Queue;
using Harrier.Core.Store;

namespace Harrier.TestKit.Contracts;

/// <summary>Every seam of one backend over one database, as the contract suites drive them.</summary>
public sealed record StoreSubject(
    IExecutionStore Store,
    IJobQueue Queue,
    IPlanningQueue Planning,
    IEngineCommits Commits,
    IKillRequests Kills,
    IProcessRegistry Processes,
    IExecutionOwnership Ownership,
    ILogStore Logs);
