using Harrier.Core.Time;
using Harrier.Core.Yaml;

namespace Harrier.Core.Flows.Loading;

/// <summary>Builds a <see cref="RetryPolicy"/> from an already validated <c>retry</c> node.</summary>
internal static class RetryReader
{
    public static RetryPolicy? Read(YNode? node)
    {
        if (node is not YMapping map || map["type"] is not YScalar typeNode)
        {
            return null;
        }

        RetryKind? kind = typeNode.Value switch
        {
            "constant" => RetryKind.Constant,
            "exponential" => RetryKind.Exponential,
            "random" => RetryKind.Random,
            _ => null,
        };
        if (kind is null)
        {
            return null;
        }

        return new RetryPolicy(kind.Value)
        {
            Interval = Duration(map, "interval"),
            MaxInterval = Duration(map, "maxInterval"),
            MinInterval = Duration(map, "minInterval"),
            DelayFactor = map["delayFactor"]?.ToPlain() is { } factor and (long or double) ? Convert.ToDouble(factor, System.Globalization.CultureInfo.InvariantCulture) : 2,
            MaxAttempts = (map["maxAttempts"] ?? map["maxAttempt"])?.ToPlain() is long attempts ? (int)Math.Clamp(attempts, 0, int.MaxValue) : null,
            MaxDuration = Duration(map, "maxDuration"),
            WarningOnRetry = map["warningOnRetry"]?.ToPlain() is true,
            Behavior = map["behavior"] is YScalar behavior ? behavior.Value : "RETRY_FAILED_TASK",
        };
    }

    /// <summary>The fields each retry type needs (Kestra rejects a constant retry without an interval, etc.).</summary>
    public static IEnumerable<string> MissingFields(YMapping map)
    {
        var needed = (map["type"] as YScalar)?.Value switch
        {
            "constant" => ["interval"],
            "exponential" => ["interval", "maxInterval"],
            "random" => new[] { "minInterval", "maxInterval" },
            _ => [],
        };
        return needed.Where(field => map[field] is null or YScalar { IsNull: true });
    }

    private static TimeSpan? Duration(YMapping map, string key) =>
        map[key] is YScalar scalar && IsoDuration.TryParse(scalar.Value, out var value) ? value : null;
}
