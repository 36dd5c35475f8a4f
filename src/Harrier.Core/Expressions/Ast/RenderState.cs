namespace Harrier.Core.Expressions.Ast;

/// <summary>Per-render state: the engine (for <c>render()</c>), the current scope and the render() depth.</summary>
internal sealed class RenderState(TemplateEngine engine, TemplateContext scope, int depth)
{
    public TemplateEngine Engine { get; } = engine;

    /// <summary>Replaced while a for-loop body runs, restored afterwards.</summary>
    public TemplateContext Scope { get; set; } = scope;

    public int Depth { get; } = depth;

    public IExpressionServices Services => Scope.Services;
}
