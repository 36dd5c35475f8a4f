namespace Harrier.Core.Tasks.Running;

/// <summary>A task could not run for a reason its user can fix; the message is logged as is, without a stack trace.</summary>
public sealed class TaskFailedException : Exception
{
    public TaskFailedException()
    {
    }

    public TaskFailedException(string message)
        : base(message)
    {
    }

    public TaskFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
