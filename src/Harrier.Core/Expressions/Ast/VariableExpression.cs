namespace Harrier.Core.Expressions.Ast;

/// <summary>A top-level name such as <c>inputs</c> or a loop variable.</summary>
internal sealed class VariableExpression(string name, int line, int column) : Expression(line, column)
{
    public string Name { get; } = name;

    public override object? Evaluate(RenderState state)
    {
        if (state.Scope.TryGetVariable(Name, out var value))
        {
            return ExpressionValues.Normalize(value);
        }

        throw Fail($"Undefined variable '{Name}'" + Suggestions.Hint(Name, state.Scope.VisibleNames()));
    }

    public override bool TryEvaluate(RenderState state, out object? value)
    {
        var found = state.Scope.TryGetVariable(Name, out value);
        value = ExpressionValues.Normalize(value);
        return found;
    }
}
