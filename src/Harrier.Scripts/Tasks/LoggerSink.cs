using Harrier.Core.Logs;
using Harrier.Core.Tasks.Running;
using Harrier.Scripts.Logs;

namespace Harrier.Scripts.Tasks;

/// <summary>Hands the output collector's log lines to the engine's task logger.</summary>
internal sealed class LoggerSink(ITaskLogger logger) : ITaskLogSink
{
    public void Log(TaskLogLevel level, string message) => logger.Log(level, message);
}
