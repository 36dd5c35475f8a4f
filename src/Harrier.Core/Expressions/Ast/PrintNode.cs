using System.Text;

namespace Harrier.Core.Expressions.Ast;

/// <summary>
/// <c>{{ expression }}</c>. A null prints nothing, as in Pebble and Kestra (<c>A{{ unset }}B</c> is <c>AB</c>); inside a
/// list or map it is still written <c>null</c>.
/// </summary>
internal sealed class PrintNode(Expression expression) : TemplateNode
{
    public Expression Expression { get; } = expression;

    public override void Render(RenderState state, StringBuilder output)
    {
        if (Expression.Evaluate(state) is { } value)
        {
            ValueText.AppendText(output, value);
        }

        try
        {
            state.Budget.CheckLength(output.Length);
        }
        catch (ExpressionException ex)
        {
            throw Expression.Fail(ex.Message, ex);
        }
    }
}
