using Harrier.Core.Expressions.Ast;

namespace Harrier.Core.Expressions.Parsing;

/// <summary>
/// Recursive-descent parser for one expression, with Pebble's precedence from loosest to tightest:
/// ternary and <c>??</c>/<c>???</c>, <c>or</c>, <c>and</c>, <c>not</c>, <c>is</c>, comparisons and
/// <c>contains</c>, <c>..</c>, <c>~</c>, <c>+ -</c>, <c>* / %</c>, unary minus, filters, member access.
/// </summary>
/// <remarks>
/// Recursion follows the input (every <c>(</c>, <c>[</c>, <c>{</c>, argument list, <c>not</c>, unary sign, chained
/// <c>??</c> or ternary goes one level deeper), so the depth is bounded by <paramref name="maxDepth"/>: thousands of
/// nested brackets become a positioned syntax error, not a stack overflow that kills the process.
/// </remarks>
internal sealed partial class ExpressionParser(List<Token> tokens, int start, SourceMap map, int maxDepth)
{
    private int _position = start;
    private int _depth;

    private Token Current => tokens[_position];

    /// <summary>Parses one expression; the caller decides what may follow it.</summary>
    public Expression ParseExpression() => Nested(ParseConditional);

    public bool AtEnd => Current.Kind == TokenKind.End;

    public int Position => _position;

    public Token Next()
    {
        var token = tokens[_position];
        if (token.Kind != TokenKind.End)
        {
            _position++;
        }

        return token;
    }

    public bool Accept(string text)
    {
        if (Current.Is(text) && Current.Kind != TokenKind.String)
        {
            _position++;
            return true;
        }

        return false;
    }

    public void Expect(string text)
    {
        if (!Accept(text))
        {
            throw Error($"Expected '{text}' but found {Describe(Current)}", Current);
        }
    }

    public string ExpectName()
    {
        if (Current.Kind != TokenKind.Name)
        {
            throw Error($"Expected a name but found {Describe(Current)}", Current);
        }

        return Next().Text;
    }

    public void ExpectEnd()
    {
        if (!AtEnd)
        {
            throw Error($"Unexpected {Describe(Current)}", Current);
        }
    }

    public TemplateSyntaxException Error(string message, Token at)
    {
        var (line, column) = map.Locate(at.Offset);
        return new TemplateSyntaxException(message, line, column);
    }

    public static string Describe(Token token) => token.Kind switch
    {
        TokenKind.End => $"end of tag '{token.Text}'",
        TokenKind.String => $"string {token.Text}",
        _ => $"'{token.Text}'",
    };

    private Expression ParseConditional()
    {
        var condition = ParseCoalesce();
        if (!Current.Is("?") || Current.Kind != TokenKind.Punctuation)
        {
            return condition;
        }

        Next();
        var whenTrue = Nested(ParseConditional);
        Expect(":");
        var whenFalse = Nested(ParseConditional);
        return new ConditionalExpression(condition, whenTrue, whenFalse, condition.Line, condition.Column);
    }

    private Expression ParseCoalesce()
    {
        var left = ParseOr();
        if (Current.Kind == TokenKind.Punctuation && (Current.Text == "??" || Current.Text == "???"))
        {
            var undefinedOnly = Next().Text == "???";
            var right = Nested(ParseCoalesce);
            return new CoalesceExpression(left, right, undefinedOnly, left.Line, left.Column);
        }

        return left;
    }

    private Expression ParseOr()
    {
        var mark = _depth;
        var left = ParseAnd();
        while (IsWord("or"))
        {
            Chain();
            Next();
            left = new BinaryExpression(BinaryOperator.Or, left, ParseAnd(), left.Line, left.Column);
        }

        _depth = mark;
        return left;
    }

    private Expression ParseAnd()
    {
        var mark = _depth;
        var left = ParseNot();
        while (IsWord("and"))
        {
            Chain();
            Next();
            left = new BinaryExpression(BinaryOperator.And, left, ParseNot(), left.Line, left.Column);
        }

        _depth = mark;
        return left;
    }

    private Expression ParseNot()
    {
        if (IsWord("not"))
        {
            var token = Next();
            var (line, column) = map.Locate(token.Offset);
            return new UnaryExpression('!', Nested(ParseNot), line, column);
        }

        return ParseIs();
    }

    private Expression ParseIs()
    {
        var mark = _depth;
        var left = ParseComparison();
        while (IsWord("is"))
        {
            Chain();
            Next();
            var negated = false;
            if (IsWord("not"))
            {
                Next();
                negated = true;
            }

            var nameToken = Current;
            var test = ExpectName();
            if (Array.IndexOf(TestExpression.Names, test) < 0)
            {
                throw Error($"Unknown test '{test}'" + Suggestions.Hint(test, TestExpression.Names), nameToken);
            }

            left = new TestExpression(left, test, negated, left.Line, left.Column);
        }

        _depth = mark;
        return left;
    }

    private bool IsWord(string word) => Current.Kind == TokenKind.Name && Current.Text == word;

    private Expression Nested(Func<Expression> parse)
    {
        if (++_depth > maxDepth)
        {
            throw Error($"The expression nests deeper than {maxDepth} levels (brackets, calls, 'not', signs, chained operators, filters or attributes); split it up (or raise TemplateEngineOptions.MaxNestingDepth)", Current);
        }

        var expression = parse();
        _depth--;
        return expression;
    }

    /// <summary>
    /// One more link of a left-to-right chain (<c>a ~ b ~ c</c>, <c>x | f | g</c>, <c>a.b.c</c>): each makes the tree one
    /// level deeper, and evaluating it recurses as deep, so links count like nesting until the chain ends.
    /// </summary>
    private void Chain()
    {
        if (++_depth > maxDepth)
        {
            throw Error($"The expression nests deeper than {maxDepth} levels (brackets, calls, 'not', signs, chained operators, filters or attributes); split it up (or raise TemplateEngineOptions.MaxNestingDepth)", Current);
        }
    }
}
