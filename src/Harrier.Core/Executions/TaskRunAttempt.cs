namespace Harrier.Core.Executions;

/// <summary>One attempt of a task run (retries add attempts to the same task run).</summary>
public sealed record TaskRunAttempt(State State, DateTimeOffset StartDate, DateTimeOffset? EndDate);
