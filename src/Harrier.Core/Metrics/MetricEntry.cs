namespace Harrier.Core.Metrics;

/// <summary>One metric a task reported. Timers carry their value in seconds.</summary>
public sealed record MetricEntry(string Name, MetricType Type, double Value, IReadOnlyDictionary<string, string> Tags)
{
    public static IReadOnlyDictionary<string, string> NoTags { get; } = new Dictionary<string, string>();
}
