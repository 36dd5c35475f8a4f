using Harrier.Core.Yaml;

namespace Harrier.Core.Validation;

/// <summary>Collects every diagnostic of one document, so validation reports all errors at once.</summary>
public sealed class DiagnosticBag(string file)
{
    private readonly List<Diagnostic> _items = [];

    public string File { get; } = file;

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Count > 0;

    public void Add(SourcePosition position, string path, string message) =>
        _items.Add(new Diagnostic(File, position, path, message));

    public void Add(YNode node, string path, string message) => Add(node.Position, path, message);

    /// <summary>Diagnostics in document order; the order of discovery is an implementation detail.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        [.. _items.OrderBy(d => d.Position.Line).ThenBy(d => d.Position.Column).ThenBy(d => d.Path, StringComparer.Ordinal)];
}
