namespace Harrier.Core.Expressions.Ast;

/// <summary>A map literal; keys are evaluated and turned into text, insertion order is kept.</summary>
internal sealed class MapExpression(Expression[] keys, Expression[] values, int line, int column) : Expression(line, column)
{
    public override object? Evaluate(RenderState state)
    {
        var map = new Dictionary<string, object?>(keys.Length, StringComparer.Ordinal);
        for (var i = 0; i < keys.Length; i++)
        {
            map[ValueText.ToText(keys[i].Evaluate(state))] = values[i].Evaluate(state);
        }

        return map;
    }
}
