using Harrier.Core.Expressions.Ast;

namespace Harrier.Core.Expressions.Parsing;

/// <summary>
/// Recursive-descent parser for one expression, with Pebble's precedence from loosest to tightest:
/// ternary and <c>??</c>/<c>???</c>, <c>or</c>, <c>and</c>, <c>not</c>, <c>is</c>, comparisons and
/// <c>contains</c>, <c>..</c>, <c>~</c>, <c>+ -</c>, <c>* / %</c>, unary minus, filters, member access.
/// </summary>
internal sealed partial class ExpressionParser(List<Token> tokens, int start, SourceMap map)
{
    private int _position = start;

    private Token Current => tokens[_position];

    /// <summary>Parses one expression; the caller decides what may follow it.</summary>
    public Expression ParseExpression() => ParseConditional();

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
        var whenTrue = ParseConditional();
        Expect(":");
        var whenFalse = ParseConditional();
        return new ConditionalExpression(condition, whenTrue, whenFalse, condition.Line, condition.Column);
    }

    private Expression ParseCoalesce()
    {
        var left = ParseOr();
        if (Current.Kind == TokenKind.Punctuation && (Current.Text == "??" || Current.Text == "???"))
        {
            var undefinedOnly = Next().Text == "???";
            var right = ParseCoalesce();
            return new CoalesceExpression(left, right, undefinedOnly, left.Line, left.Column);
        }

        return left;
    }

    private Expression ParseOr()
    {
        var left = ParseAnd();
        while (IsWord("or"))
        {
            Next();
            left = new BinaryExpression(BinaryOperator.Or, left, ParseAnd(), left.Line, left.Column);
        }

        return left;
    }

    private Expression ParseAnd()
    {
        var left = ParseNot();
        while (IsWord("and"))
        {
            Next();
            left = new BinaryExpression(BinaryOperator.And, left, ParseNot(), left.Line, left.Column);
        }

        return left;
    }

    private Expression ParseNot()
    {
        if (IsWord("not"))
        {
            var token = Next();
            var (line, column) = map.Locate(token.Offset);
            return new UnaryExpression('!', ParseNot(), line, column);
        }

        return ParseIs();
    }

    private Expression ParseIs()
    {
        var left = ParseComparison();
        while (IsWord("is"))
        {
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

        return left;
    }

    private bool IsWord(string word) => Current.Kind == TokenKind.Name && Current.Text == word;
}
