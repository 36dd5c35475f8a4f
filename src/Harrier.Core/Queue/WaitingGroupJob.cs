namespace Harrier.Core.Queue;

/// <summary>
/// A job of a worker group that is claimable now and held by nobody (never claimed, or its lease expired): what an
/// executor checks against the live workers of that group (<see cref="IJobQueue.ListWaitingGroupJobsAsync"/>).
/// </summary>
public sealed record WaitingGroupJob(long JobId, WorkerJob Job, DateTimeOffset EnqueuedAt);
