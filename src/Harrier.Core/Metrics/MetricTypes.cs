namespace Harrier.Core.Metrics;

/// <summary>Parsing and printing of <see cref="MetricType"/> with the protocol's lower-case names.</summary>
public static class MetricTypes
{
    public static bool TryParse(string? text, out MetricType type)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "counter": type = MetricType.Counter; return true;
            case "timer": type = MetricType.Timer; return true;
            case "gauge": type = MetricType.Gauge; return true;
            default: type = MetricType.Counter; return false;
        }
    }

    public static string ToName(this MetricType type) => type switch
    {
        MetricType.Counter => "counter",
        MetricType.Timer => "timer",
        _ => "gauge",
    };
}
