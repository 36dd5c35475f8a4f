using System.Globalization;
using System.Text.Json;

namespace Harrier.Scripts.Protocol;

/// <summary>
/// Converts JSON to the plain CLR shape outputs use: null, string, bool, long (JSON integers that fit),
/// double (other numbers), List&lt;object?&gt;, Dictionary&lt;string, object?&gt; in document order.
/// A number beyond a double's range (<c>1e400</c>) throws <see cref="FormatException"/>: stored as JSON it would
/// silently become <c>null</c>.
/// </summary>
public static class JsonValues
{
    public static object? ToClr(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => ToNumber(element),
        JsonValueKind.Array => element.EnumerateArray().Select(ToClr).ToList(),
        _ => ToDictionary(element),
    };

    public static Dictionary<string, object?> ToDictionary(JsonElement element)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            // Duplicate keys: the last one wins, as with Jackson.
            result[property.Name] = ToClr(property.Value);
        }

        return result;
    }

    private static object ToNumber(JsonElement element)
    {
        var raw = element.GetRawText();
        var looksIntegral = raw.AsSpan().IndexOfAny(".eE") < 0;
        if (looksIntegral && element.TryGetInt64(out var integer))
        {
            return integer;
        }

        var number = double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsFinite(number)
            ? number
            : throw new FormatException($"the number {Shorten(raw)} is out of range (a double holds at most ±1.8e308); send it as a string");
    }

    private static string Shorten(string raw) => raw.Length <= 40 ? raw : raw[..40] + "…";
}
