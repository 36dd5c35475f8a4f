using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Harrier.Core.Json;
using Harrier.Core.Time;
using Harrier.Server.Api.Errors;

namespace Harrier.Server.Api.Namespaces;

/// <summary>
/// Reads a KV value sent as Kestra's API takes it (its body is read as Ion, a superset of JSON): JSON values keep their
/// type (a quoted text is a STRING, an object or a list is JSON); an unquoted ISO-8601 date-time, date or duration is a
/// DATETIME, DATE or DURATION; an unquoted single word is a STRING. Anything else is refused.
/// </summary>
public static partial class KeyValueParser
{
    public static (string Type, object? Value) Parse(string body)
    {
        var text = body.Trim();
        if (text.Length == 0)
        {
            throw ApiException.Invalid("the body is empty; send the value, e.g. \"text\", 42, true, {\"a\":1} or 2026-03-14T09:26:53Z");
        }

        object? value;
        try
        {
            value = PlainJson.Parse(text);
        }
        catch (JsonException)
        {
            return Unquoted(text);
        }

        return value switch
        {
            null => throw ApiException.Invalid("null cannot be stored; delete the key instead"),
            string => ("STRING", value),
            bool => ("BOOLEAN", value),
            long or double => ("NUMBER", value),
            _ => ("JSON", value),
        };
    }

    private static (string Type, object? Value) Unquoted(string text)
    {
        if (DatePattern().IsMatch(text) && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return ("DATE", text);
        }

        if (text.Contains('T', StringComparison.Ordinal) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            return ("DATETIME", date.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        }

        if (text.StartsWith('P') && IsoDuration.TryParse(text, out var duration))
        {
            return ("DURATION", IsoDuration.ToIso(duration));
        }

        if (WordPattern().IsMatch(text))
        {
            return ("STRING", text);
        }

        throw ApiException.Invalid($"the value is not JSON, nor a date, a duration or a single word: quote a text as \"{text.Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex WordPattern();
}
