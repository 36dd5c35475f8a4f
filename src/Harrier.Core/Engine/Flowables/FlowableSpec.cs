namespace Harrier.Core.Engine.Flowables;

/// <summary>
/// A flowable's own properties, read and validated when the flow loads (so planning never reads raw YAML and a bad
/// value is reported at its line and column before anything runs). One record per flowable type, beside its rule.
/// </summary>
public abstract record FlowableSpec;
