using Harrier.Core.Expressions.Ast;

namespace Harrier.Core.Expressions.Parsing;

/// <summary>Builds the node tree from scanned segments: if/elseif/else, for/else, set.</summary>
/// <remarks>Blocks nest by recursion, bounded like expressions by the engine's maximum nesting depth.</remarks>
internal sealed class TemplateParser
{
    private static readonly string[] KnownTags = ["if", "elseif", "else", "endif", "for", "endfor", "set", "raw", "endraw"];
    private readonly List<Segment> _segments;
    private readonly SourceMap _map;
    private readonly int _maxDepth;
    private int _index;
    private int _blockDepth;

    public TemplateParser(string source, int maxDepth)
    {
        _maxDepth = maxDepth;
        _map = new SourceMap(source);
        _segments = new TemplateScanner(source, _map).Scan();
    }

    public IReadOnlyList<Segment> Segments => _segments;

    public BlockNode ParseTemplate()
    {
        var block = ParseBlock(null, out var stop);
        if (stop is not null)
        {
            throw Error($"Unexpected {{% {stop.TagName} %}} without a matching opening tag", stop.Tokens![0]);
        }

        return block;
    }

    /// <summary>Parses nodes until one of <paramref name="terminators"/> (returned in <paramref name="stop"/>) or the end.</summary>
    private BlockNode ParseBlock(string[]? terminators, out Segment? stop)
    {
        var nodes = new List<TemplateNode>();
        while (_index < _segments.Count)
        {
            var segment = _segments[_index++];
            switch (segment.Kind)
            {
                case Segment.TextKind:
                    nodes.Add(new TextNode(segment.Text!));
                    break;
                case Segment.PrintKind:
                    var parser = new ExpressionParser(segment.Tokens!, 0, _map, _maxDepth);
                    var expression = parser.ParseExpression();
                    parser.ExpectEnd();
                    nodes.Add(new PrintNode(expression));
                    break;
                default:
                    var name = segment.TagName;
                    if (terminators is not null && Array.IndexOf(terminators, name) >= 0)
                    {
                        stop = segment;
                        return new BlockNode([.. nodes]);
                    }

                    nodes.Add(ParseTag(segment, name));
                    break;
            }
        }

        stop = null;
        return new BlockNode([.. nodes]);
    }

    private TemplateNode ParseTag(Segment segment, string name)
    {
        var tokens = segment.Tokens!;
        var parser = new ExpressionParser(tokens, 1, _map, _maxDepth);
        switch (name)
        {
            case "if":
                return Nested(segment, () => ParseIf(segment, parser));
            case "for":
                return Nested(segment, () => ParseFor(segment, parser));
            case "set":
                var variable = parser.ExpectName();
                parser.Expect("=");
                var value = parser.ParseExpression();
                parser.ExpectEnd();
                return new SetNode(variable, value);
            case "":
                throw Error("Expected a tag name after '{%'", tokens[0]);
            default:
                if (Array.IndexOf(KnownTags, name) >= 0)
                {
                    throw Error($"Unexpected {{% {name} %}} without a matching opening tag", tokens[0]);
                }

                throw Error($"Unknown tag '{name}'" + Suggestions.Hint(name, KnownTags), tokens[0]);
        }
    }

    private IfNode ParseIf(Segment opening, ExpressionParser parser)
    {
        var conditions = new List<Expression>();
        var branches = new List<BlockNode>();
        BlockNode? otherwise = null;
        var condition = parser.ParseExpression();
        parser.ExpectEnd();
        while (true)
        {
            var body = ParseBlock(["elseif", "elif", "else", "endif"], out var stop);
            if (stop is null)
            {
                throw Error("Missing {% endif %} for this {% if %}", opening.Tokens![0]);
            }

            conditions.Add(condition);
            branches.Add(body);
            var next = new ExpressionParser(stop.Tokens!, 1, _map, _maxDepth);
            switch (stop.TagName)
            {
                case "elseif" or "elif":
                    condition = next.ParseExpression();
                    next.ExpectEnd();
                    continue;
                case "else":
                    next.ExpectEnd();
                    otherwise = ParseBlock(["endif"], out var end);
                    if (end is null)
                    {
                        throw Error("Missing {% endif %} for this {% if %}", opening.Tokens![0]);
                    }

                    new ExpressionParser(end.Tokens!, 1, _map, _maxDepth).ExpectEnd();
                    break;
                default:
                    next.ExpectEnd();
                    break;
            }

            return new IfNode([.. conditions], [.. branches], otherwise);
        }
    }

    private ForNode ParseFor(Segment opening, ExpressionParser parser)
    {
        string? keyName = null;
        var valueName = parser.ExpectName();
        if (parser.Accept(","))
        {
            keyName = valueName;
            valueName = parser.ExpectName();
        }

        parser.Expect("in");
        var source = parser.ParseExpression();
        parser.ExpectEnd();
        var body = ParseBlock(["else", "endfor"], out var stop);
        BlockNode? otherwise = null;
        if (stop is not null && stop.TagName == "else")
        {
            new ExpressionParser(stop.Tokens!, 1, _map, _maxDepth).ExpectEnd();
            otherwise = ParseBlock(["endfor"], out stop);
        }

        if (stop is null)
        {
            throw Error("Missing {% endfor %} for this {% for %}", opening.Tokens![0]);
        }

        new ExpressionParser(stop.Tokens!, 1, _map, _maxDepth).ExpectEnd();
        return new ForNode(keyName, valueName, source, body, otherwise);
    }

    private TemplateNode Nested(Segment opening, Func<TemplateNode> parse)
    {
        if (++_blockDepth > _maxDepth)
        {
            throw Error($"Tags nest deeper than {_maxDepth} levels of {{% if %}} and {{% for %}}; split the template up (or raise TemplateEngineOptions.MaxNestingDepth)", opening.Tokens![0]);
        }

        var node = parse();
        _blockDepth--;
        return node;
    }

    private TemplateSyntaxException Error(string message, Token at)
    {
        var (line, column) = _map.Locate(at.Offset);
        return new TemplateSyntaxException(message, line, column);
    }
}
