namespace Harrier.Core.Logs;

/// <summary>Parsing and printing of <see cref="TaskLogLevel"/> with the names flows and scripts use.</summary>
public static class TaskLogLevels
{
    /// <summary>Parses TRACE/DEBUG/INFO/WARN/WARNING/ERROR in any case.</summary>
    public static bool TryParse(string? text, out TaskLogLevel level)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "TRACE": level = TaskLogLevel.Trace; return true;
            case "DEBUG": level = TaskLogLevel.Debug; return true;
            case "INFO": level = TaskLogLevel.Info; return true;
            case "WARN" or "WARNING": level = TaskLogLevel.Warn; return true;
            case "ERROR": level = TaskLogLevel.Error; return true;
            default: level = TaskLogLevel.Info; return false;
        }
    }

    /// <summary>The upper-case name Kestra shows: TRACE, DEBUG, INFO, WARN, ERROR.</summary>
    public static string ToName(this TaskLogLevel level) => level switch
    {
        TaskLogLevel.Trace => "TRACE",
        TaskLogLevel.Debug => "DEBUG",
        TaskLogLevel.Info => "INFO",
        TaskLogLevel.Warn => "WARN",
        _ => "ERROR",
    };
}
