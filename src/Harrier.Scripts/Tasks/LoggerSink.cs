using System.Runtime.CompilerServices;
using Harrier.Core.Logs;
using Harrier.Core.Tasks.Running;
using Harrier.Scripts.Logs;

namespace Harrier.Scripts.Tasks;

/// <summary>Hands the output collector's log lines to the engine's task logger.</summary>
internal sealed class LoggerSink(ITaskLogger logger) : ITaskLogSink
{
    // Once per log line: optimised from the first call rather than after tiering (see LineSplitter in Harrier.Scripts).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Log(TaskLogLevel level, string message) => logger.Log(level, message);
}
