using Harrier.Core.Validation;
using Harrier.Core.Yaml;

namespace Harrier.Core.Tests.Yaml;

/// <summary>Reads a text with <see cref="YamlDocumentReader"/> and keeps both the tree and the diagnostics.</summary>
internal sealed record YamlText(YNode? Root, IReadOnlyList<Diagnostic> Diagnostics)
{
    public static YamlText Read(string text)
    {
        var diagnostics = new DiagnosticBag("doc.yml");
        var root = YamlDocumentReader.Read(text, diagnostics).Root;
        return new YamlText(root, diagnostics.Sorted());
    }

    public YMapping Map => Assert.IsType<YMapping>(Root);

    public Diagnostic Single => Assert.Single(Diagnostics);
}
