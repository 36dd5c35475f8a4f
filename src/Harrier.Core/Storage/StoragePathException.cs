namespace Harrier.Core.Storage;

/// <summary>A storage address or a local path that would leave the place it must stay in, or is malformed.</summary>
public sealed class StoragePathException : Exception
{
    public StoragePathException()
    {
    }

    public StoragePathException(string message)
        : base(message)
    {
    }

    public StoragePathException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
