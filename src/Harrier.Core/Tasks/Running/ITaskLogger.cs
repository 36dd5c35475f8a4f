using Harrier.Core.Logs;

namespace Harrier.Core.Tasks.Running;

/// <summary>Task logs, line by line. Never blocks on storage: lines are queued and stored in order, live.</summary>
public interface ITaskLogger
{
    void Log(TaskLogLevel level, string message);
}
