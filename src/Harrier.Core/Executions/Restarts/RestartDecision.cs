namespace Harrier.Core.Executions.Restarts;

/// <summary>A restart to store, or why there is none (a sentence for the user).</summary>
public sealed record RestartDecision(ExecutionRestart? Restart, string? Refusal)
{
    public static RestartDecision Accepted(ExecutionRestart restart) => new(restart, null);

    public static RestartDecision Refused(string reason) => new(null, reason);
}
