namespace Harrier.Core.Flows;

/// <summary>A label, written as a map entry or as a <c>{key, value}</c> item.</summary>
public sealed record FlowLabel(string Key, string Value);
