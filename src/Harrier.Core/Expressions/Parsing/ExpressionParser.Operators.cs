using Harrier.Core.Expressions.Ast;

namespace Harrier.Core.Expressions.Parsing;

/// <summary>Binary operator levels from comparisons down to unary minus.</summary>
internal sealed partial class ExpressionParser
{
    private Expression ParseComparison()
    {
        var mark = _depth;
        var left = ParseRange();
        while (true)
        {
            BinaryOperator? op = Current.Kind switch
            {
                TokenKind.Punctuation => Current.Text switch
                {
                    "==" => BinaryOperator.Equal,
                    "!=" => BinaryOperator.NotEqual,
                    "<" => BinaryOperator.Less,
                    ">" => BinaryOperator.Greater,
                    "<=" => BinaryOperator.LessOrEqual,
                    ">=" => BinaryOperator.GreaterOrEqual,
                    _ => null,
                },
                TokenKind.Name => Current.Text switch
                {
                    "equals" => BinaryOperator.Equal,
                    "contains" => BinaryOperator.Contains,
                    _ => null,
                },
                _ => null,
            };
            if (op is null)
            {
                _depth = mark;
                return left;
            }

            Chain();
            Next();
            left = new BinaryExpression(op.Value, left, ParseRange(), left.Line, left.Column);
        }
    }

    private Expression ParseRange()
    {
        var left = ParseConcat();
        if (Current.Kind == TokenKind.Punctuation && Current.Text == "..")
        {
            Next();
            left = new BinaryExpression(BinaryOperator.Range, left, ParseConcat(), left.Line, left.Column);
        }

        return left;
    }

    private Expression ParseConcat()
    {
        var mark = _depth;
        var left = ParseAdditive();
        while (Current.Kind == TokenKind.Punctuation && Current.Text == "~")
        {
            Chain();
            Next();
            left = new BinaryExpression(BinaryOperator.Concat, left, ParseAdditive(), left.Line, left.Column);
        }

        _depth = mark;
        return left;
    }

    private Expression ParseAdditive()
    {
        var mark = _depth;
        var left = ParseMultiplicative();
        while (Current.Kind == TokenKind.Punctuation && Current.Text is "+" or "-")
        {
            Chain();
            var op = Next().Text == "+" ? BinaryOperator.Add : BinaryOperator.Subtract;
            left = new BinaryExpression(op, left, ParseMultiplicative(), left.Line, left.Column);
        }

        _depth = mark;
        return left;
    }

    private Expression ParseMultiplicative()
    {
        var mark = _depth;
        var left = ParseUnary();
        while (Current.Kind == TokenKind.Punctuation && Current.Text is "*" or "/" or "%")
        {
            Chain();
            var op = Next().Text switch
            {
                "*" => BinaryOperator.Multiply,
                "/" => BinaryOperator.Divide,
                _ => BinaryOperator.Modulo,
            };
            left = new BinaryExpression(op, left, ParseUnary(), left.Line, left.Column);
        }

        _depth = mark;
        return left;
    }

    private Expression ParseUnary()
    {
        if (Current.Kind == TokenKind.Punctuation && Current.Text is "-" or "+")
        {
            var token = Next();
            var operand = Nested(ParseUnary);
            var (line, column) = map.Locate(token.Offset);
            if (token.Text == "-" && operand is LiteralExpression { Value: long or double } literal)
            {
                // Fold negative literals so "-1" stays a compile-time constant argument.
                return new LiteralExpression(literal.Value is long l ? (object)(-l) : -(double)literal.Value, line, column);
            }

            return new UnaryExpression(token.Text[0], operand, line, column);
        }

        return ParseFilters();
    }
}
