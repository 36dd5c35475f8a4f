namespace Harrier.Core.Expressions;

/// <summary>Rendering failed: an undefined variable, a wrong type for an operator or filter, a failing function.</summary>
public sealed class TemplateRenderException : TemplateException
{
    public TemplateRenderException(string reason, int line, int column, Exception? inner = null)
        : base(reason, line, column, inner)
    {
    }
}
