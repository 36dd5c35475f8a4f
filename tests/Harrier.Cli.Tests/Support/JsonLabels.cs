using System.Text.Json;

namespace Harrier.Cli.Tests.Support;

/// <summary>Reads <c>--json</c>'s labels, Kestra's list of <c>{key, value}</c>, as a map.</summary>
public static class JsonLabels
{
    public static IReadOnlyDictionary<string, string> Of(JsonElement execution) =>
        execution.GetProperty("labels").EnumerateArray().ToDictionary(l => l.GetProperty("key").GetString()!, l => l.GetProperty("value").GetString()!);
}
