using System.Text;

namespace Harrier.Core.Expressions.Ast;

/// <summary><c>{{ expression }}</c>.</summary>
internal sealed class PrintNode(Expression expression) : TemplateNode
{
    public Expression Expression { get; } = expression;

    public override void Render(RenderState state, StringBuilder output)
    {
        ValueText.AppendText(output, Expression.Evaluate(state));
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
