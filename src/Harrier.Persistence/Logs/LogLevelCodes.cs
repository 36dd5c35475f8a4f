using System.Runtime.CompilerServices;
using Harrier.Core.Logs;

namespace Harrier.Persistence.Logs;

/// <summary>
/// The byte a log chunk stores for a level (migration 0003). Written out rather than cast from the enum, so
/// reordering <see cref="TaskLogLevel"/> can never change what stored lines mean.
/// </summary>
internal static class LogLevelCodes
{
    // Once per log line: optimised from the first call rather than after tiering (see LineSplitter in Harrier.Scripts).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static byte ToCode(TaskLogLevel level) => level switch
    {
        TaskLogLevel.Trace => 0,
        TaskLogLevel.Debug => 1,
        TaskLogLevel.Info => 2,
        TaskLogLevel.Warn => 3,
        TaskLogLevel.Error => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Not a log level."),
    };

    public static bool TryFromCode(byte code, out TaskLogLevel level)
    {
        level = code switch
        {
            0 => TaskLogLevel.Trace,
            1 => TaskLogLevel.Debug,
            2 => TaskLogLevel.Info,
            3 => TaskLogLevel.Warn,
            _ => TaskLogLevel.Error,
        };
        return code <= 4;
    }
}
