namespace Harrier.Core.Flows;

/// <summary>
/// Where the engine finds the flows an execution starts (a Subflow's child): the server's deployed flows, or the
/// folders given to <c>harrier run --flows</c>. Flows come back loaded and valid.
/// </summary>
public interface IFlowRepository
{
    /// <summary>The flow, at <paramref name="revision"/> or its latest one; null when there is no such flow (or revision).</summary>
    Task<FlowDefinition?> FindAsync(string ns, string id, int? revision, CancellationToken cancellationToken);

    /// <summary>Where a missing flow should have been, for the error that says so ("among the flows under ./flows").</summary>
    string Where { get; }
}
