namespace Harrier.Core.Executions.Replays;

/// <summary>
/// What a replay carries on from its original, as Kestra's (<c>metadata.nextAttempt()</c>): the attempt number one higher,
/// the chain's first execution (<see cref="Execution.OriginalId"/>) and its creation date.
/// </summary>
public static class ReplayLineage
{
    public static Execution Next(Execution original) => original with
    {
        AttemptNumber = original.AttemptNumber + 1,
        OriginalId = original.OriginalId ?? original.Id,
        OriginalCreatedAt = original.OriginalCreatedAt ?? original.CreatedAt,
    };

    /// <summary>The same lineage on <paramref name="replay"/>, a new execution drafted apart (a replay of the whole execution).</summary>
    public static Execution Carry(Execution original, Execution replay)
    {
        var next = Next(original);
        return replay with { AttemptNumber = next.AttemptNumber, OriginalId = next.OriginalId, OriginalCreatedAt = next.OriginalCreatedAt };
    }
}
