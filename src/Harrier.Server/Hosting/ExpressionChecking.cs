using Harrier.Core.Expressions;
using Harrier.Core.Rendering;
using Harrier.Core.Validation;

namespace Harrier.Server.Hosting;

/// <summary>One template engine per process: validation and execution share its compiled-template cache.</summary>
public static class ExpressionChecking
{
    public static TemplateEngine Engine { get; } = new();

    public static IExpressionSyntaxChecker Checker { get; } = new TemplateSyntaxChecker(Engine);

    public static ITemplateRenderer Renderer { get; } = new TemplateRenderer(Engine);
}
