using System.Text;

namespace Harrier.Core.Expressions.Ast;

/// <summary><c>{% if %}…{% elseif %}…{% else %}…{% endif %}</c>: the first truthy branch renders.</summary>
internal sealed class IfNode(Expression[] conditions, BlockNode[] branches, BlockNode? otherwise) : TemplateNode
{
    public override void Render(RenderState state, StringBuilder output)
    {
        for (var i = 0; i < conditions.Length; i++)
        {
            if (ExpressionValues.IsTruthy(conditions[i].Evaluate(state)))
            {
                branches[i].Render(state, output);
                return;
            }
        }

        otherwise?.Render(state, output);
    }
}
