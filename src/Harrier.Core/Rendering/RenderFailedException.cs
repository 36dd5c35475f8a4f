namespace Harrier.Core.Rendering;

/// <summary>A template could not be rendered: the message names what and where (line and column in the template).</summary>
public sealed class RenderFailedException : Exception
{
    public RenderFailedException()
    {
    }

    public RenderFailedException(string message)
        : base(message)
    {
    }

    public RenderFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
