using Harrier.Core.Validation;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Harrier.Core.Yaml;

/// <summary>
/// Reads one YAML document into a <see cref="YNode"/> tree with positions. Never throws on bad input:
/// syntax errors, duplicate keys, complex keys, several documents, alias bombs and absurd nesting all
/// become diagnostics.
/// </summary>
public sealed class YamlDocumentReader
{
    /// <summary>Deeper nesting than this is surely an accident (or an attack); Kestra flows rarely exceed 20.</summary>
    public const int MaxDepth = 256;

    /// <summary>Bounds alias expansion ("billion laughs").</summary>
    public const int MaxNodes = 2_000_000;

    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, YNode> _anchors = new(StringComparer.Ordinal);
    private IParser _parser = null!;
    private int _nodeCount;

    private YamlDocumentReader(DiagnosticBag diagnostics) => _diagnostics = diagnostics;

    public static YamlReadResult Read(string text, DiagnosticBag diagnostics)
    {
        var reader = new YamlDocumentReader(diagnostics);
        try
        {
            return new YamlReadResult(reader.ReadStream(text));
        }
        catch (YamlException ex)
        {
            var (position, message) = DescribeSyntaxError(ex, text);
            diagnostics.Add(position, "", message);
        }
        catch (InvalidOperationException) when (reader._parser is not null)
        {
            // YamlDotNet's scanner fails this way (not with a YamlException) on a flow collection left open at the end of
            // the text, e.g. "namespace: [unclosed": report it where the text ends.
            diagnostics.Add(EndOf(text), "", "the document ends inside a [ ] or { } collection; close the bracket");
        }
        catch (TooDeepException ex)
        {
            diagnostics.Add(ex.Position, "", $"the document is nested more than {MaxDepth} levels deep; flatten it");
        }
        catch (TooLargeException ex)
        {
            diagnostics.Add(ex.Position, "", $"aliases expand to more than {MaxNodes:N0} nodes; remove the recursive or repeated aliases");
        }

        return new YamlReadResult(null);
    }

    private static SourcePosition EndOf(string text)
    {
        var lines = text.Split('\n');
        var last = lines.Length > 1 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        return new SourcePosition(last, lines[last - 1].TrimEnd('\r').Length + 1);
    }

    private YNode? ReadStream(string text)
    {
        _parser = new Parser(new StringReader(text));
        _parser.Consume<StreamStart>();
        if (_parser.TryConsume<StreamEnd>(out _))
        {
            return null;
        }

        _parser.Consume<DocumentStart>();
        var root = ReadNode(0);
        _parser.Consume<DocumentEnd>();
        if (_parser.Accept<DocumentStart>(out var second))
        {
            _diagnostics.Add(ToPosition(second.Start), "", "the file holds more than one YAML document (---); a flow file holds exactly one");
        }

        return root;
    }

    private YNode ReadNode(int depth)
    {
        if (depth > MaxDepth)
        {
            throw new TooDeepException(ToPosition(_parser.Current!.Start));
        }

        if (++_nodeCount > MaxNodes)
        {
            throw new TooLargeException(ToPosition(_parser.Current!.Start));
        }

        var current = _parser.Current!;
        switch (current)
        {
            case Scalar scalar:
                _parser.MoveNext();
                return Remember(scalar.Anchor, new YScalar(scalar.Value, scalar.Style is ScalarStyle.Plain, ToPosition(scalar.Start)) { Style = StyleChar(scalar.Style) });
            case SequenceStart start:
                _parser.MoveNext();
                return Remember(start.Anchor, ReadSequence(start, depth));
            case MappingStart start:
                _parser.MoveNext();
                return Remember(start.Anchor, ReadMapping(start, depth));
            case AnchorAlias alias:
                _parser.MoveNext();
                return ResolveAlias(alias);
            default:
                throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}");
        }
    }

    private YSequence ReadSequence(SequenceStart start, int depth)
    {
        var items = new List<YNode>();
        while (!_parser.TryConsume<SequenceEnd>(out _))
        {
            items.Add(ReadNode(depth + 1));
        }

        return new YSequence(items, ToPosition(start.Start));
    }

    private YMapping ReadMapping(MappingStart start, int depth)
    {
        var entries = new List<YEntry>();
        var seen = new Dictionary<string, YScalar>(StringComparer.Ordinal);
        var merged = new HashSet<string>(StringComparer.Ordinal);
        while (!_parser.TryConsume<MappingEnd>(out _))
        {
            var keyNode = ReadNode(depth + 1);
            var value = ReadNode(depth + 1);
            if (keyNode is not YScalar key)
            {
                _diagnostics.Add(keyNode, "", "a map key must be a plain text, not " + keyNode.KindName);
                continue;
            }

            if (key.Value == "<<" && key.IsPlain)
            {
                MergeKeys(entries, seen, merged, value);
                continue;
            }

            if (merged.Remove(key.Value))
            {
                // A key written in the mapping overrides a merged one, wherever the merge key stands.
                entries.RemoveAll(e => e.Key.Value == key.Value);
                seen.Remove(key.Value);
            }

            if (seen.TryGetValue(key.Value, out var first))
            {
                _diagnostics.Add(key, "", $"duplicate key '{key.Value}' (first written at line {first.Position.Line}); remove one of them");
                continue;
            }

            seen[key.Value] = key;
            entries.Add(new YEntry(key, value));
        }

        return new YMapping(entries, ToPosition(start.Start));
    }

    /// <summary>YAML merge keys (<c>&lt;&lt;: *defaults</c>): explicit keys of the mapping win.</summary>
    private void MergeKeys(List<YEntry> entries, Dictionary<string, YScalar> seen, HashSet<string> merged, YNode value)
    {
        var sources = value is YSequence sequence ? sequence.Items : [value];
        foreach (var source in sources)
        {
            if (source is not YMapping mapping)
            {
                _diagnostics.Add(source, "", "a merge key (<<) takes a map or a list of maps");
                continue;
            }

            foreach (var entry in mapping.Entries)
            {
                if (seen.TryAdd(entry.Key.Value, entry.Key))
                {
                    entries.Add(entry);
                    merged.Add(entry.Key.Value);
                }
            }
        }
    }

    private YNode Remember(AnchorName anchor, YNode node)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = node;
        }

        return node;
    }

    private YNode ResolveAlias(AnchorAlias alias)
    {
        if (_anchors.TryGetValue(alias.Value.Value, out var node))
        {
            _nodeCount += CountNodes(node);
            if (_nodeCount > MaxNodes)
            {
                throw new TooLargeException(ToPosition(alias.Start));
            }

            return node;
        }

        _diagnostics.Add(ToPosition(alias.Start), "", $"unknown alias '*{alias.Value.Value}'; define the anchor '&{alias.Value.Value}' before using it");
        return new YScalar("", true, ToPosition(alias.Start));
    }

    private static int CountNodes(YNode node) => node switch
    {
        YSequence s => 1 + s.Items.Sum(CountNodes),
        YMapping m => 1 + m.Entries.Sum(e => 1 + CountNodes(e.Value)),
        _ => 1,
    };

    /// <summary>
    /// The parser's message and position; a tab used as indentation is reported where the tab is (the parser
    /// points at the start of the enclosing mapping, often line 1).
    /// </summary>
    private static (SourcePosition Position, string Message) DescribeSyntaxError(YamlException ex, string text)
    {
        var message = "invalid YAML: " + ex.Message.TrimEnd('.');
        var position = ClampToText(ToPosition(ex.Start), text);
        var tab = FirstIndentingTab(text, position.Line);
        if (tab is { } at && (ex.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) || at.Line == position.Line))
        {
            return (at, message + "; YAML does not allow tabs for indentation, use spaces");
        }

        return (position, message);
    }

    /// <summary>The parser reports an unexpected end of a text without a final newline on a line past the last one.</summary>
    private static SourcePosition ClampToText(SourcePosition position, string text)
    {
        var lines = text.Split('\n');
        var lineCount = text.EndsWith('\n') ? lines.Length - 1 : lines.Length;
        if (lineCount == 0 || position.Line <= lineCount)
        {
            return position;
        }

        return new SourcePosition(lineCount, lines[lineCount - 1].TrimEnd('\r').Length + 1);
    }

    private static SourcePosition? FirstIndentingTab(string text, int fromLine)
    {
        using var reader = new StringReader(text);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            if (++lineNumber < fromLine)
            {
                continue;
            }

            for (var i = 0; i < line.Length && line[i] is ' ' or '\t'; i++)
            {
                if (line[i] == '\t')
                {
                    return new SourcePosition(lineNumber, i + 1);
                }
            }
        }

        return null;
    }

    private static char StyleChar(ScalarStyle style) => style switch
    {
        ScalarStyle.SingleQuoted => '\'',
        ScalarStyle.DoubleQuoted => '"',
        ScalarStyle.Literal => '|',
        ScalarStyle.Folded => '>',
        _ => '\0',
    };

    private static SourcePosition ToPosition(Mark mark) => new((int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    private sealed class TooDeepException(SourcePosition position) : Exception
    {
        public SourcePosition Position { get; } = position;
    }

    private sealed class TooLargeException(SourcePosition position) : Exception
    {
        public SourcePosition Position { get; } = position;
    }
}
