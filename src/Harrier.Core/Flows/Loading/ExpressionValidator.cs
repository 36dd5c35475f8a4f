using Harrier.Core.Yaml;

namespace Harrier.Core.Flows.Loading;

/// <summary>
/// Checks the syntax of templates written in dynamic properties and maps an error's position inside the
/// template back to the file: a flow author sees the exact line and column of a bad <c>{{ … }}</c>.
/// </summary>
internal sealed class ExpressionValidator(LoadContext context)
{
    public static bool HasExpression(string text) =>
        text.Contains("{{", StringComparison.Ordinal) || text.Contains("{%", StringComparison.Ordinal) || text.Contains("{#", StringComparison.Ordinal);

    public void Check(YScalar scalar, string path)
    {
        if (context.Expressions is null || !HasExpression(scalar.Value))
        {
            return;
        }

        if (context.Expressions.Check(scalar.Value) is { } error && !TagInsideOutput(scalar.Value))
        {
            context.Error(MapPosition(scalar, error.Line, error.Column), path, $"invalid expression: {error.Message}");
        }
    }

    /// <summary>
    /// A <c>{% … %}</c> tag written inside a <c>{{ … }}</c> output: Kestra accepts such a flow and fails the task when it
    /// renders the text, so Harrier does too (the render error names the property), rather than refusing the whole flow.
    /// </summary>
    private static bool TagInsideOutput(string text)
    {
        var open = text.IndexOf("{{", StringComparison.Ordinal);
        while (open >= 0)
        {
            var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            var tag = text.IndexOf("{%", open + 2, StringComparison.Ordinal);
            if (tag >= 0 && (close < 0 || tag < close))
            {
                return true;
            }

            open = close < 0 ? -1 : text.IndexOf("{{", close + 2, StringComparison.Ordinal);
        }

        return false;
    }

    /// <summary>Checks every text below <paramref name="node"/> (maps and lists of a dynamic property).</summary>
    public void CheckAll(YNode node, string path)
    {
        switch (node)
        {
            case YScalar scalar:
                Check(scalar, path);
                break;
            case YSequence sequence:
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    CheckAll(sequence.Items[i], $"{path}[{i}]");
                }

                break;
            case YMapping mapping:
                foreach (var entry in mapping.Entries)
                {
                    CheckAll(entry.Value, PropertyValidator.Join(path, entry.Key.Value));
                }

                break;
        }
    }

    private SourcePosition MapPosition(YScalar scalar, int line, int column)
    {
        if (scalar.Style is '|' or '>')
        {
            // Block scalars start on the line after the indicator; their indentation is the source line's.
            var fileLine = scalar.Position.Line + line;
            return new SourcePosition(fileLine, Indentation(fileLine) + column);
        }

        if (line == 1)
        {
            var quote = scalar.Style is '\'' or '"' ? 1 : 0;
            return new SourcePosition(scalar.Position.Line, scalar.Position.Column + quote + column - 1);
        }

        return new SourcePosition(scalar.Position.Line + line - 1, column);
    }

    private int Indentation(int lineNumber)
    {
        var line = 1;
        var index = 0;
        var source = context.Source;
        while (line < lineNumber && index < source.Length)
        {
            if (source[index++] == '\n')
            {
                line++;
            }
        }

        var indent = 0;
        while (index + indent < source.Length && source[index + indent] == ' ')
        {
            indent++;
        }

        return indent;
    }
}
