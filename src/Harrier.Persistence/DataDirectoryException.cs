namespace Harrier.Persistence;

/// <summary>The data directory or the database in it cannot be used; the message says why and what to do.</summary>
public sealed class DataDirectoryException : Exception
{
    public DataDirectoryException()
    {
    }

    public DataDirectoryException(string message)
        : base(message)
    {
    }

    public DataDirectoryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
