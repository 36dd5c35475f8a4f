namespace Harrier.Core.Expressions.Ast;

internal sealed class ListExpression(Expression[] items, int line, int column) : Expression(line, column)
{
    public override object? Evaluate(RenderState state)
    {
        var list = new List<object?>(items.Length);
        foreach (var item in items)
        {
            list.Add(item.Evaluate(state));
        }

        return list;
    }
}
