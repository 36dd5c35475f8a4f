namespace Harrier.Core.Expressions.Ast;

/// <summary><c>-x</c>, <c>+x</c> and <c>not x</c>.</summary>
internal sealed class UnaryExpression(char op, Expression operand, int line, int column) : Expression(line, column)
{
    public override object? Evaluate(RenderState state)
    {
        var value = ExpressionValues.Normalize(operand.Evaluate(state));
        return op switch
        {
            '!' => !ExpressionValues.IsTruthy(value),
            '-' => value switch
            {
                long l => (object)(-l),
                double d => -d,
                _ => throw Fail($"Unary '-' needs a number but got {ExpressionValues.TypeName(value)}"),
            },
            _ => ExpressionValues.IsNumber(value) ? value : throw Fail($"Unary '+' needs a number but got {ExpressionValues.TypeName(value)}"),
        };
    }
}
