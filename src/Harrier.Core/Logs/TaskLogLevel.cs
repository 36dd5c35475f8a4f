namespace Harrier.Core.Logs;

/// <summary>Level of a task log line, with Kestra's names (TRACE, DEBUG, INFO, WARN, ERROR).</summary>
/// <remarks>Ordered from least to most severe so that "minimum level" filters compare numerically.</remarks>
public enum TaskLogLevel
{
    Trace = 0,
    Debug = 1,
    Info = 2,
    Warn = 3,
    Error = 4,
}
