namespace Harrier.Core.Expressions.Parsing;

/// <summary>
/// Splits a template into text and tags, applying whitespace control (<c>{{-</c>, <c>-}}</c>, <c>{%-</c>,
/// <c>-%}</c>, <c>{#-</c>, <c>-#}</c>), dropping comments and keeping <c>{% raw %}</c> bodies as text.
/// </summary>
internal sealed class TemplateScanner(string source, SourceMap map)
{
    private readonly ExpressionLexer _lexer = new(source, map);
    private readonly List<Segment> _segments = [];
    private bool _trimNextText;

    public List<Segment> Scan()
    {
        var textStart = 0;
        var i = 0;
        while (true)
        {
            var open = NextOpening(i);
            if (open < 0)
            {
                AddText(source[textStart..], false);
                return _segments;
            }

            var kind = source[open + 1];
            var trimBefore = open + 2 < source.Length && source[open + 2] == '-';
            AddText(source[textStart..open], trimBefore);
            var contentStart = open + 2 + (trimBefore ? 1 : 0);
            if (kind == '#')
            {
                var close = source.IndexOf("#}", contentStart, StringComparison.Ordinal);
                if (close < 0)
                {
                    throw Error("Unclosed comment: expected '#}'", open);
                }

                _trimNextText = source[close - 1] == '-' && close - 1 >= contentStart;
                i = close + 2;
            }
            else
            {
                var tokens = _lexer.Tokenize(contentStart, kind == '{' ? "}}" : "%}", out i, out _trimNextText);
                var segment = new Segment(kind == '{' ? Segment.PrintKind : Segment.TagKind, null, tokens, open);
                if (segment.Kind == Segment.TagKind && segment.TagName == "raw" && tokens.Count == 2)
                {
                    i = ScanRaw(i, open);
                }
                else
                {
                    _segments.Add(segment);
                }
            }

            textStart = i;
        }
    }

    private int NextOpening(int from)
    {
        for (var i = source.IndexOf('{', from); i >= 0 && i + 1 < source.Length; i = source.IndexOf('{', i + 1))
        {
            if (source[i + 1] is '{' or '%' or '#')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Keeps everything up to the matching <c>{% endraw %}</c> as literal text; returns the offset after it.</summary>
    private int ScanRaw(int bodyStart, int rawOffset)
    {
        for (var i = source.IndexOf("{%", bodyStart, StringComparison.Ordinal); i >= 0; i = source.IndexOf("{%", i + 2, StringComparison.Ordinal))
        {
            var j = i + 2;
            var trimBefore = j < source.Length && source[j] == '-';
            if (trimBefore)
            {
                j++;
            }

            while (j < source.Length && char.IsWhiteSpace(source[j]))
            {
                j++;
            }

            if (string.CompareOrdinal(source, j, "endraw", 0, 6) != 0)
            {
                continue;
            }

            var tokens = _lexer.Tokenize(j, "%}", out var next, out var trimAfter);
            if (tokens.Count != 2)
            {
                continue;
            }

            AddText(source[bodyStart..i], trimBefore);
            _trimNextText = trimAfter;
            return next;
        }

        throw Error("Missing {% endraw %} for {% raw %}", rawOffset);
    }

    private void AddText(string text, bool trimEnd)
    {
        if (_trimNextText)
        {
            text = text.TrimStart();
        }

        if (trimEnd)
        {
            text = text.TrimEnd();
        }

        _trimNextText = false;
        if (text.Length > 0)
        {
            _segments.Add(new Segment(Segment.TextKind, text, null, 0));
        }
    }

    private TemplateSyntaxException Error(string message, int offset)
    {
        var (line, column) = map.Locate(offset);
        return new TemplateSyntaxException(message, line, column);
    }
}
