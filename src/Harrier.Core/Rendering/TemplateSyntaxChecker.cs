using Harrier.Core.Expressions;
using Harrier.Core.Validation;

namespace Harrier.Core.Rendering;

/// <summary>Validation-time expression syntax checks with the real engine (compiled templates are cached for the run).</summary>
public sealed class TemplateSyntaxChecker(TemplateEngine engine) : IExpressionSyntaxChecker
{
    public ExpressionSyntaxError? Check(string template)
    {
        try
        {
            engine.GetOrCompile(template);
            return null;
        }
        catch (TemplateSyntaxException ex)
        {
            return new ExpressionSyntaxError(ex.Reason, ex.Line, ex.Column);
        }
    }
}
