// Harrier's helper for C# scripts, appended to every C# Script task by Harrier: prints ::{...}:: protocol lines
// that Harrier turns into task outputs, metrics and logs.
//
//   Harrier.Outputs(new { rows = 42, name = "x" });          // or any dictionary
//   Harrier.Counter("processed", 42, new { source = "s3" });
//   Harrier.Timer("load", () => LoadEverything());           // measured, or Harrier.Timer("load", 2.5)
//   Harrier.Log("WARN", "careful");
#line hidden
public static class Harrier
{
    private static readonly string[] Levels = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR"];
    private static readonly object Gate = new();

    public static void Outputs(object values) =>
        Send(new System.Text.Json.Nodes.JsonObject { ["outputs"] = System.Text.Json.JsonSerializer.SerializeToNode(values) });

    public static void Counter(string name, double value, object? tags = null) => Metric(name, "counter", value, tags);

    public static void Gauge(string name, double value, object? tags = null) => Metric(name, "gauge", value, tags);

    public static void Timer(string name, double seconds, object? tags = null) => Metric(name, "timer", seconds, tags);

    /// <summary>Runs <paramref name="action"/> and records its real elapsed time.</summary>
    public static void Timer(string name, Action action, object? tags = null)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        action();
        Metric(name, "timer", System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
    }

    public static void Log(string level, string message)
    {
        var upper = level.ToUpperInvariant() == "WARNING" ? "WARN" : level.ToUpperInvariant();
        if (Array.IndexOf(Levels, upper) < 0)
        {
            throw new ArgumentException($"level must be one of {string.Join(", ", Levels)}", nameof(level));
        }

        Send(new System.Text.Json.Nodes.JsonObject
        {
            ["logs"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["level"] = upper, ["message"] = message }),
        });
    }

    private static void Metric(string name, string type, double value, object? tags)
    {
        var tagObject = new System.Text.Json.Nodes.JsonObject();
        if (tags is not null)
        {
            foreach (var property in System.Text.Json.JsonSerializer.SerializeToElement(tags).EnumerateObject())
            {
                tagObject[property.Name] = property.Value.ValueKind == System.Text.Json.JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
            }
        }

        Send(new System.Text.Json.Nodes.JsonObject
        {
            ["metrics"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
            {
                ["name"] = name, ["type"] = type, ["value"] = value, ["tags"] = tagObject,
            }),
        });
    }

    // One whole line per message, even from several threads; the default encoder escapes U+2028/U+2029.
    private static void Send(System.Text.Json.Nodes.JsonObject message)
    {
        var line = "::" + message.ToJsonString() + "::";
        lock (Gate)
        {
            Console.Out.WriteLine(line);
            Console.Out.Flush();
        }
    }
}
