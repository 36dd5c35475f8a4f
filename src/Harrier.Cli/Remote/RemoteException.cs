namespace Harrier.Cli.Remote;

/// <summary>A server refused a request or could not be reached; the message is the server's own sentence.</summary>
public sealed class RemoteException(string message, int status = 0) : Exception(message)
{
    /// <summary>The HTTP status (0 when the server was not reached).</summary>
    public int Status { get; } = status;
}
