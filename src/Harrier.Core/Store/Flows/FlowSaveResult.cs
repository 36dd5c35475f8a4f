namespace Harrier.Core.Store.Flows;

/// <summary>The outcome of a save and the flow's latest revision afterwards (null only when there is none).</summary>
public sealed record FlowSaveResult(FlowSaveStatus Status, StoredFlow? Flow);
