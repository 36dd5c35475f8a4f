namespace Harrier.Core.Rendering;

/// <summary>
/// The expression language seam: renders <c>{{ … }}</c> templates against a scope. Implementations
/// compile a template once and cache it; they throw <see cref="RenderFailedException"/> on any error.
/// </summary>
public interface ITemplateRenderer
{
    /// <summary>Renders to text (maps and lists as JSON, booleans as true/false, null as "null").</summary>
    string Render(string template, RenderScope scope);

    /// <summary>
    /// Evaluates to a typed value when the template is exactly one <c>{{ expr }}</c>; otherwise renders to text.
    /// </summary>
    object? Evaluate(string template, RenderScope scope);

    /// <summary>Whether the text holds any template syntax at all (cheap; lets callers skip rendering).</summary>
    bool HasTemplate(string text);
}
