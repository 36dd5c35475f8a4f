using System.Globalization;
using Harrier.Core.Executions;
using Harrier.Core.Logs;

namespace Harrier.Cli.Running;

/// <summary>
/// Prints log lines as they are stored: time, level, task id, message — coloured on a terminal (unless
/// NO_COLOR is set). Lines arrive in batches from the log writer; each batch is flushed at once, so a
/// task printing a million lines does not pay a console flush per line.
/// </summary>
public sealed class LogPrinter(TextWriter output, bool colour)
{
    private readonly Lock _gate = new();

    public static bool ShouldColour(bool redirected) =>
        !redirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    public void Print(IReadOnlyList<LogEntry> entries, string? executionId = null)
    {
        lock (_gate)
        {
            foreach (var entry in entries)
            {
                if (executionId is null || entry.ExecutionId == executionId)
                {
                    Write(entry);
                }
            }

            output.Flush();
        }
    }

    private void Write(LogEntry entry)
    {
        var time = entry.Timestamp.ToLocalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
        var level = entry.Level.ToName().PadRight(5);
        var task = entry.TaskId ?? "execution";
        if (colour)
        {
            output.Write($"\u001b[2m{time}\u001b[0m {LevelColour(entry.Level)}{level}\u001b[0m \u001b[36m{task}\u001b[0m ");
        }
        else
        {
            output.Write($"{time} {level} {task} ");
        }

        output.WriteLine(entry.Message);
    }

    private static string LevelColour(TaskLogLevel level) => level switch
    {
        TaskLogLevel.Error => "\u001b[31m",
        TaskLogLevel.Warn => "\u001b[33m",
        TaskLogLevel.Info => "\u001b[32m",
        _ => "\u001b[2m",
    };
}
