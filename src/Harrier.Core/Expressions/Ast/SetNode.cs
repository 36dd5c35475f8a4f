using System.Text;

namespace Harrier.Core.Expressions.Ast;

/// <summary><c>{% set name = expression %}</c>: assigns in the current scope.</summary>
internal sealed class SetNode(string name, Expression value) : TemplateNode
{
    public override void Render(RenderState state, StringBuilder output) =>
        state.Scope.Set(name, value.Evaluate(state));
}
