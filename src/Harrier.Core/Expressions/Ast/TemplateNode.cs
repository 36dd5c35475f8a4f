using System.Text;

namespace Harrier.Core.Expressions.Ast;

/// <summary>A piece of a compiled template: text, an output, or a tag with a body.</summary>
internal abstract class TemplateNode
{
    public abstract void Render(RenderState state, StringBuilder output);
}
