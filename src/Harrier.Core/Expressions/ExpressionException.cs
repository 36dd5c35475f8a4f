namespace Harrier.Core.Expressions;

/// <summary>
/// Raised by value helpers, filters and functions that do not know where they are in the template;
/// the expression node that called them turns it into a positioned <see cref="TemplateRenderException"/>.
/// </summary>
public sealed class ExpressionException : Exception
{
    public ExpressionException(string message)
        : base(message)
    {
    }

    public ExpressionException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public ExpressionException()
    {
    }
}
