namespace Harrier.Core.Executions.Replays;

/// <summary>A replay to store, or why there is none (a sentence for the user).</summary>
public sealed record ReplayDecision(ExecutionReplay? Replay, string? Refusal)
{
    public static ReplayDecision Accepted(ExecutionReplay replay) => new(replay, null);

    public static ReplayDecision Refused(string reason) => new(null, reason);
}
