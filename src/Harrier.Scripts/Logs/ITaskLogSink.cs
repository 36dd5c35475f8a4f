using Harrier.Core.Logs;

namespace Harrier.Scripts.Logs;

/// <summary>Receives a task's log lines (task logs are data: the engine stores and streams them).</summary>
public interface ITaskLogSink
{
    void Log(TaskLogLevel level, string message);
}
