namespace Harrier.Core.Expressions.Ast;

/// <summary><c>condition ? a : b</c>; only the chosen branch is evaluated.</summary>
internal sealed class ConditionalExpression(Expression condition, Expression whenTrue, Expression whenFalse, int line, int column)
    : Expression(line, column)
{
    public override object? Evaluate(RenderState state) =>
        ExpressionValues.IsTruthy(condition.Evaluate(state)) ? whenTrue.Evaluate(state) : whenFalse.Evaluate(state);
}
