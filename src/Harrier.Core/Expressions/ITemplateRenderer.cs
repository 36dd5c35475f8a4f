namespace Harrier.Core.Expressions;

/// <summary>The expression-language seam the engine renders task properties through.</summary>
public interface ITemplateRenderer
{
    /// <summary>Renders the template to text; see <see cref="CompiledTemplate.Render"/>.</summary>
    string Render(string source, TemplateContext context);

    /// <summary>The typed value of a single-expression template, else the rendered text; see <see cref="CompiledTemplate.Evaluate"/>.</summary>
    object? Evaluate(string source, TemplateContext context);
}
