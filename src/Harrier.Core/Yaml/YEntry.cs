namespace Harrier.Core.Yaml;

/// <summary>One key/value pair of a mapping; keys are scalars (complex keys are rejected by the reader).</summary>
public sealed record YEntry(YScalar Key, YNode Value);
