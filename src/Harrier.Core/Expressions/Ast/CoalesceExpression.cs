namespace Harrier.Core.Expressions.Ast;

/// <summary>
/// <c>a ?? b</c> takes b when a is undefined or null; <c>a ??? b</c> takes b only when a is undefined.
/// </summary>
internal sealed class CoalesceExpression(Expression left, Expression right, bool undefinedOnly, int line, int column)
    : Expression(line, column)
{
    public override object? Evaluate(RenderState state)
    {
        if (left.TryEvaluate(state, out var value) && (undefinedOnly || value is not null))
        {
            return value;
        }

        return right.Evaluate(state);
    }

    public override bool TryEvaluate(RenderState state, out object? value)
    {
        if (left.TryEvaluate(state, out value) && (undefinedOnly || value is not null))
        {
            return true;
        }

        return right.TryEvaluate(state, out value);
    }
}
