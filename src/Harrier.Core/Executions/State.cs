namespace Harrier.Core.Executions;

/// <summary>States of executions, task runs and attempts (spec §11.4), with Kestra's names.</summary>
public enum State
{
    Created,
    Queued,
    Running,
    Paused,
    Restarted,
    Killing,
    Killed,
    Cancelled,
    Retrying,
    Retried,
    Success,
    Warning,
    Failed,
    Skipped,
}
