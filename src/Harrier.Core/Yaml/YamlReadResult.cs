namespace Harrier.Core.Yaml;

/// <summary>The root node of a document, or null when the document could not be read (see the diagnostics).</summary>
public sealed record YamlReadResult(YNode? Root);
