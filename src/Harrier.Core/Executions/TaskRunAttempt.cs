namespace Harrier.Core.Executions;

/// <summary>One attempt of a task run (retries add attempts to the same task run).</summary>
public sealed record TaskRunAttempt(State State, DateTimeOffset StartDate, DateTimeOffset? EndDate)
{
    /// <summary>The process that ran the attempt (<see cref="Engine.Coordination.ProcessIdentity"/> text), when a worker ran it.</summary>
    public string? Worker { get; init; }
}
