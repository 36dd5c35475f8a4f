using System.Text;

namespace Harrier.Core.Expressions.Ast;

/// <summary>A sequence of nodes (a whole template, or the body of a tag).</summary>
internal sealed class BlockNode(TemplateNode[] nodes) : TemplateNode
{
    public TemplateNode[] Nodes { get; } = nodes;

    public override void Render(RenderState state, StringBuilder output)
    {
        foreach (var node in Nodes)
        {
            node.Render(state, output);
        }
    }
}
