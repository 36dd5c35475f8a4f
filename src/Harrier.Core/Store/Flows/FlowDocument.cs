using Harrier.Core.Flows;

namespace Harrier.Core.Store.Flows;

/// <summary>A validated flow document to store (the caller has loaded it; the store does not parse YAML).</summary>
public sealed record FlowDocument(string Namespace, string Id, string Source, IReadOnlyList<FlowLabel> Labels);
