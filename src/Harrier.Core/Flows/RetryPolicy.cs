namespace Harrier.Core.Flows;

/// <summary>
/// A task's (or flow's) retry: <see cref="MaxAttempts"/> counts every attempt, the first included,
/// as Kestra ≥0.24 does (so <c>maxAttempts: 1</c> means no retry).
/// </summary>
public sealed record RetryPolicy(RetryKind Kind)
{
    public TimeSpan? Interval { get; init; }

    public TimeSpan? MaxInterval { get; init; }

    public TimeSpan? MinInterval { get; init; }

    public double DelayFactor { get; init; } = 2;

    public int? MaxAttempts { get; init; }

    public TimeSpan? MaxDuration { get; init; }

    public bool WarningOnRetry { get; init; }

    /// <summary><see cref="RetryFailedTask"/> (the task gets another attempt) or <see cref="CreateNewExecution"/> (the execution ends RETRIED and a new one starts).</summary>
    public string Behavior { get; init; } = RetryFailedTask;

    public const string RetryFailedTask = "RETRY_FAILED_TASK";

    public const string CreateNewExecution = "CREATE_NEW_EXECUTION";
}
