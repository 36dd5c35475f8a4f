using Harrier.Core.Flows;

namespace Harrier.Core.Store.Triggers;

/// <summary>
/// The scheduler's state of one trigger. <see cref="Version"/> is the compare-and-set token of every write (a write names
/// the version it read; the store refuses it when another writer came first).
/// </summary>
public sealed record TriggerState(TriggerKey Key, string Type, string Fingerprint)
{
    /// <summary>The next slot to consider (scheduled triggers); null when not yet scheduled or when there is none left.</summary>
    public DateTimeOffset? NextDate { get; init; }

    /// <summary>The last slot that fired.</summary>
    public DateTimeOffset? LastDate { get; init; }

    public string? LastExecutionId { get; init; }

    /// <summary>The API's override of the flow's own <c>disabled</c>; null when the flow decides.</summary>
    public bool? Disabled { get; init; }

    public TriggerBackfill? Backfill { get; init; }

    /// <summary>Why the last evaluation failed (a condition that could not be evaluated, inputs that did not resolve); null when it did not.</summary>
    public string? LastError { get; init; }

    public long Version { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>
/// A backfill of a schedule: every slot from <see cref="Start"/> to <see cref="End"/> fires once, in order, with the
/// slot as <c>trigger.date</c>; <see cref="Current"/> is the next slot to fire. Paused backfills fire nothing.
/// </summary>
public sealed record TriggerBackfill(DateTimeOffset Start, DateTimeOffset End, DateTimeOffset Current)
{
    public bool Paused { get; init; }

    public IReadOnlyDictionary<string, object?> Inputs { get; init; } = new Dictionary<string, object?>();

    public IReadOnlyList<FlowLabel> Labels { get; init; } = [];
}
