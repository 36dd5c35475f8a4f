namespace Harrier.Core.Expressions;

/// <summary>The template text is malformed, or names a filter, function or test that does not exist.</summary>
public sealed class TemplateSyntaxException : TemplateException
{
    public TemplateSyntaxException(string reason, int line, int column)
        : base(reason, line, column)
    {
    }
}
