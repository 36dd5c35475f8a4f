namespace Harrier.Core.Expressions;

/// <summary>
/// A template could not be compiled or rendered. <see cref="Line"/> and <see cref="Column"/> are 1-based
/// positions inside the template source, so callers can map them into the YAML file the template came from.
/// </summary>
public abstract class TemplateException : Exception
{
    protected TemplateException(string reason, int line, int column, Exception? inner = null)
        : base($"{reason} at line {line}, column {column}", inner)
    {
        Reason = reason;
        Line = line;
        Column = column;
    }

    /// <summary>The plain sentence without the position, for callers that print their own location.</summary>
    public string Reason { get; }

    public int Line { get; }

    public int Column { get; }
}
