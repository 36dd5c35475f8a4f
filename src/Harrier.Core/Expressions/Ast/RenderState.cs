namespace Harrier.Core.Expressions.Ast;

/// <summary>
/// Per-render state: the engine (for <c>render()</c>), the current scope, the render() depth and the budget the
/// whole rendering shares with the <c>render()</c> calls it makes.
/// </summary>
internal sealed class RenderState(TemplateEngine engine, TemplateContext scope, int depth, RenderBudget budget)
{
    public TemplateEngine Engine { get; } = engine;

    /// <summary>Replaced while a for-loop body runs, restored afterwards.</summary>
    public TemplateContext Scope { get; set; } = scope;

    public int Depth { get; } = depth;

    public RenderBudget Budget { get; } = budget;

    public IExpressionServices Services => Scope.Services;
}
