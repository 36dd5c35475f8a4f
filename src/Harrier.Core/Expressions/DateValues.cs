using System.Globalization;

namespace Harrier.Core.Expressions;

/// <summary>Turns date-like values (dates, ISO 8601 strings, epoch seconds) into DateTimeOffset.</summary>
public static class DateValues
{
    public static DateTimeOffset ToDate(object? value) => ExpressionValues.Normalize(value) switch
    {
        DateTimeOffset date => date,
        string s => ParseIso(s),
        long seconds => DateTimeOffset.FromUnixTimeSeconds(seconds),
        double seconds => DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000)),
        var other => throw new ExpressionException($"Expected a date but got {ExpressionValues.TypeName(other)}"),
    };

    private static DateTimeOffset ParseIso(string text)
    {
        // Zoned forms such as 2024-01-01T10:00:00+01:00[Europe/Paris] carry a region id .NET does not parse.
        var bracket = text.IndexOf('[', StringComparison.Ordinal);
        var candidate = bracket > 0 ? text[..bracket] : text;
        if (DateTimeOffset.TryParse(candidate, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var date))
        {
            return date;
        }

        throw new ExpressionException($"'{text}' is not an ISO 8601 date; pass existingFormat to parse other formats");
    }
}
