namespace Harrier.Core.Inputs;

/// <summary>A value does not fit its input; the message says why, in a sentence.</summary>
public sealed class InputException : Exception
{
    public InputException()
    {
    }

    public InputException(string message)
        : base(message)
    {
    }

    public InputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
