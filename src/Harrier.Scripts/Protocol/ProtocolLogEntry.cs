using Harrier.Core.Logs;

namespace Harrier.Scripts.Protocol;

/// <summary>One entry of a protocol line's <c>logs</c> array.</summary>
public sealed record ProtocolLogEntry(TaskLogLevel Level, string Message);
