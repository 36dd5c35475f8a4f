using Harrier.Core.Expressions;

namespace Harrier.Core.Rendering;

/// <summary>The engine's renderer: Harrier's Pebble-compatible <see cref="TemplateEngine"/>, compiled templates cached.</summary>
public sealed class TemplateRenderer(TemplateEngine engine) : ITemplateRenderer
{
    public TemplateRenderer()
        : this(new TemplateEngine())
    {
    }

    public TemplateEngine Engine => engine;

    public string Render(string template, RenderScope scope)
    {
        try
        {
            return engine.GetOrCompile(template).Render(Context(scope));
        }
        catch (TemplateException ex)
        {
            throw new RenderFailedException(ex.Message, ex);
        }
    }

    public object? Evaluate(string template, RenderScope scope)
    {
        try
        {
            return engine.GetOrCompile(template).Evaluate(Context(scope));
        }
        catch (TemplateException ex)
        {
            throw new RenderFailedException(ex.Message, ex);
        }
    }

    public bool HasTemplate(string text) => TemplateEngine.ContainsExpression(text);

    private static TemplateContext Context(RenderScope scope) => new(scope.Variables, scope.Services) { Cancellation = scope.Cancellation };
}
