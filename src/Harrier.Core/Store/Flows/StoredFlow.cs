using Harrier.Core.Flows;

namespace Harrier.Core.Store.Flows;

/// <summary>
/// One revision of a deployed flow: its document as written (<see cref="Source"/>, never reformatted), and what searches
/// filter on. Revisions count from 1 per (namespace, id) and are never reused, deletions included.
/// </summary>
public sealed record StoredFlow
{
    public required string Namespace { get; init; }

    public required string Id { get; init; }

    public required int Revision { get; init; }

    public required string Source { get; init; }

    public IReadOnlyList<FlowLabel> Labels { get; init; } = [];

    /// <summary>Whether this revision records the flow's deletion (its source is the last one before it).</summary>
    public bool Deleted { get; init; }

    /// <summary>When this revision was stored.</summary>
    public required DateTimeOffset Updated { get; init; }
}
