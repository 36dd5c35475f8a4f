using System.Globalization;
using System.Text.Json;
using System.Xml;
using Harrier.Core.Metrics;

namespace Harrier.Scripts.Protocol;

/// <summary>
/// Parses one metric of a protocol line: <c>name</c>, <c>type</c> (counter, timer, gauge), <c>value</c>
/// and optional <c>tags</c> (values coerced to strings). Timer values are seconds, given as a number,
/// a numeric string, or an ISO-8601 duration such as <c>PT2.12S</c>.
/// </summary>
internal static class MetricEntryParser
{
    public static bool TryParse(JsonElement element, out MetricEntry entry, out string error)
    {
        entry = null!;
        if (element.ValueKind != JsonValueKind.Object)
        {
            error = "a metric must be a JSON object";
            return false;
        }

        if (!element.TryGetProperty("name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String
            || string.IsNullOrEmpty(nameElement.GetString()))
        {
            error = "a metric needs a string 'name'";
            return false;
        }

        var name = nameElement.GetString()!;
        if (!element.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String
            || !MetricTypes.TryParse(typeElement.GetString(), out var type))
        {
            error = $"metric '{name}' needs a 'type' of counter, timer or gauge";
            return false;
        }

        if (!element.TryGetProperty("value", out var valueElement) || !TryParseValue(valueElement, type, out var value))
        {
            error = $"metric '{name}' needs a numeric 'value'" + (type == MetricType.Timer ? " (seconds or an ISO-8601 duration)" : string.Empty);
            return false;
        }

        var tags = MetricEntry.NoTags;
        if (element.TryGetProperty("tags", out var tagsElement) && tagsElement.ValueKind != JsonValueKind.Null)
        {
            if (tagsElement.ValueKind != JsonValueKind.Object)
            {
                error = $"metric '{name}': 'tags' must be a JSON object";
                return false;
            }

            tags = ParseTags(tagsElement);
        }

        entry = new MetricEntry(name, type, value, tags);
        error = string.Empty;
        return true;
    }

    private static bool TryParseValue(JsonElement element, MetricType type, out double value)
    {
        value = 0;
        if (element.ValueKind == JsonValueKind.Number)
        {
            return element.TryGetDouble(out value) && double.IsFinite(value);
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        var text = element.GetString()!.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value))
        {
            return true;
        }

        if (type == MetricType.Timer && text.Contains('P', StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                value = XmlConvert.ToTimeSpan(text.ToUpperInvariant()).TotalSeconds;
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        return false;
    }

    private static Dictionary<string, string> ParseTags(JsonElement tagsElement)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in tagsElement.EnumerateObject())
        {
            switch (tag.Value.ValueKind)
            {
                case JsonValueKind.Null:
                    break;
                case JsonValueKind.String:
                    tags[tag.Name] = tag.Value.GetString()!;
                    break;
                default:
                    tags[tag.Name] = tag.Value.GetRawText();
                    break;
            }
        }

        return tags;
    }
}
