using Harrier.Core.Metrics;

namespace Harrier.Scripts.Protocol;

/// <summary>The parsed content of one protocol line or one side-channel record.</summary>
/// <param name="Outputs">The <c>outputs</c> object (values as plain CLR objects), or null when absent.</param>
public sealed record ProtocolMessage(
    IReadOnlyDictionary<string, object?>? Outputs,
    IReadOnlyList<MetricEntry> Metrics,
    IReadOnlyList<ProtocolLogEntry> Logs);
