namespace Harrier.Core.Metrics;

/// <summary>Kind of a task metric, as in Kestra's protocol: counter, timer (seconds), gauge.</summary>
public enum MetricType
{
    Counter,
    Timer,
    Gauge,
}
