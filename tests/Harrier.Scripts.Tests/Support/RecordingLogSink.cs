using Harrier.Core.Logs;
using Harrier.Scripts.Logs;

namespace Harrier.Scripts.Tests.Support;

/// <summary>Keeps every task log line.</summary>
internal sealed class RecordingLogSink : ITaskLogSink
{
    public List<(TaskLogLevel Level, string Message)> Lines { get; } = [];

    public void Log(TaskLogLevel level, string message) => Lines.Add((level, message));

    public IEnumerable<string> At(TaskLogLevel level) => Lines.Where(l => l.Level == level).Select(l => l.Message);
}
