using System.Text;
using Harrier.Core.Expressions.Ast;

namespace Harrier.Core.Expressions;

/// <summary>A parsed template. Immutable and safe to render from many threads at once.</summary>
public sealed class CompiledTemplate
{
    [ThreadStatic]
    private static StringBuilder? t_builder;

    private readonly TemplateEngine _engine;
    private readonly BlockNode _root;
    private readonly Expression? _single;
    private readonly string? _constant;

    internal CompiledTemplate(TemplateEngine engine, string source, BlockNode root)
    {
        _engine = engine;
        Source = source;
        _root = root;
        _single = SingleExpression(root);
        if (root.Nodes.Length == 0)
        {
            _constant = string.Empty;
        }
        else if (root.Nodes is [TextNode text])
        {
            _constant = text.Text;
        }
    }

    public string Source { get; }

    /// <summary>The source is exactly one <c>{{ expression }}</c>, give or take surrounding whitespace.</summary>
    public bool IsSingleExpression => _single is not null;

    public string Render(TemplateContext context) => Render(context, 0, new RenderBudget(_engine.Options, context.Cancellation));

    /// <summary>The typed value for a single-expression template (number, bool, list, map…), otherwise the rendered text.</summary>
    public object? Evaluate(TemplateContext context)
    {
        if (_single is null)
        {
            return Render(context);
        }

        return _single.Evaluate(new RenderState(_engine, context, 0, new RenderBudget(_engine.Options, context.Cancellation)));
    }

    internal string Render(TemplateContext context, int depth, RenderBudget budget)
    {
        if (_constant is not null)
        {
            return _constant;
        }

        // A fresh child scope keeps {% set %} from leaking into the caller's context between renders.
        var state = new RenderState(_engine, context.CreateChild(), depth, budget);
        var builder = t_builder ?? new StringBuilder(256);
        t_builder = null;
        try
        {
            _root.Render(state, builder);
            return builder.ToString();
        }
        finally
        {
            builder.Clear();
            if (builder.Capacity <= 16 * 1024)
            {
                t_builder = builder;
            }
        }
    }

    private static Expression? SingleExpression(BlockNode root)
    {
        Expression? found = null;
        foreach (var node in root.Nodes)
        {
            switch (node)
            {
                case TextNode text when string.IsNullOrWhiteSpace(text.Text):
                    continue;
                case PrintNode print when found is null:
                    found = print.Expression;
                    continue;
                default:
                    return null;
            }
        }

        return found;
    }
}
