using Harrier.Core.Yaml;

namespace Harrier.Core.Validation;

/// <summary>
/// One problem found in a flow document: where (file, line, column, property path), and a plain sentence
/// saying what is wrong and how to fix it.
/// </summary>
public sealed record Diagnostic(string File, SourcePosition Position, string Path, string Message)
{
    /// <summary><c>FILE:LINE:COL: path: message</c>, the form compilers and editors understand.</summary>
    public override string ToString()
    {
        var where = Position.IsKnown ? $"{File}:{Position.Line}:{Position.Column}" : File;
        return Diagnostics.Printable(string.IsNullOrEmpty(Path) ? $"{where}: {Message}" : $"{where}: {Path}: {Message}");
    }
}
