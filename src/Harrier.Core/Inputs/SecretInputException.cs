namespace Harrier.Core.Inputs;

/// <summary>A SECRET input that cannot be read back; the message says why and what to do.</summary>
public sealed class SecretInputException : Exception
{
    public SecretInputException()
    {
    }

    public SecretInputException(string message)
        : base(message)
    {
    }

    public SecretInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
