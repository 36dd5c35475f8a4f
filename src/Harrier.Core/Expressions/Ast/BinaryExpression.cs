namespace Harrier.Core.Expressions.Ast;

/// <summary>Arithmetic, comparison, logic, <c>~</c>, <c>..</c> and <c>contains</c>; and/or short-circuit.</summary>
internal sealed class BinaryExpression(BinaryOperator op, Expression left, Expression right, int line, int column)
    : Expression(line, column)
{
    public override object? Evaluate(RenderState state)
    {
        switch (op)
        {
            case BinaryOperator.And:
                return ExpressionValues.IsTruthy(left.Evaluate(state)) && ExpressionValues.IsTruthy(right.Evaluate(state));
            case BinaryOperator.Or:
                return ExpressionValues.IsTruthy(left.Evaluate(state)) || ExpressionValues.IsTruthy(right.Evaluate(state));
        }

        var a = left.Evaluate(state);
        var b = right.Evaluate(state);
        try
        {
            return op switch
            {
                BinaryOperator.Concat => Concat(ValueText.ToText(a), ValueText.ToText(b), state.Budget),
                BinaryOperator.Equal => ExpressionValues.Equals(a, b),
                BinaryOperator.NotEqual => !ExpressionValues.Equals(a, b),
                BinaryOperator.Less => ExpressionValues.Compare(a, b) < 0,
                BinaryOperator.Greater => ExpressionValues.Compare(a, b) > 0,
                BinaryOperator.LessOrEqual => ExpressionValues.Compare(a, b) <= 0,
                BinaryOperator.GreaterOrEqual => ExpressionValues.Compare(a, b) >= 0,
                BinaryOperator.Contains => Operators.Contains(a, b),
                BinaryOperator.Range => Operators.Range(a, b, 1L, state.Budget),
                _ => Operators.Arithmetic(op, a, b),
            };
        }
        catch (ExpressionException ex)
        {
            throw Fail(ex.Message, ex);
        }
    }

    // {% set s = s ~ s %} in a loop doubles a text each turn: checked before it is built.
    private static string Concat(string a, string b, RenderBudget budget)
    {
        budget.CheckLength((long)a.Length + b.Length);
        return a + b;
    }
}
