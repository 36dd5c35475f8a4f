using System.Text;

namespace Harrier.Core.Expressions.Ast;

internal sealed class TextNode(string text) : TemplateNode
{
    public string Text { get; } = text;

    public override void Render(RenderState state, StringBuilder output) => output.Append(Text);
}
