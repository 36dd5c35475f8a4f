using Harrier.Core.Executions;
using Harrier.Core.Queue;

namespace Harrier.Core.Engine.Workers;

/// <summary>Where an attempt's start and end are stored: under its own job's lease, or under its WorkingDirectory group's.</summary>
internal interface IAttemptWrites
{
    /// <summary>Stores the attempt as started; returns the run as stored (with its new version).</summary>
    Task<TaskRun> StartAsync(TaskRun running, CancellationToken cancellationToken);

    /// <summary>Nothing is left to run (the run ended meanwhile): a job is acknowledged, a child just stops.</summary>
    Task SkipAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores the attempt's result (and, for a job, its retry and acknowledgement) after — or, where the writes allow, with
    /// — every log line written so far; returns it as stored.
    /// </summary>
    Task<TaskRun> CommitAsync(TaskRun resolved, (WorkerJob Job, DateTimeOffset NotBefore)? retry, CancellationToken cancellationToken);
}
