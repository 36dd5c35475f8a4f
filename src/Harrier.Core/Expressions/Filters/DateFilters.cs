using System.Globalization;
using Harrier.Core.Expressions.Ast;

namespace Harrier.Core.Expressions.Filters;

/// <summary>
/// Kestra's date filters. Inputs may be dates, ISO 8601 strings or epoch seconds; without a timeZone the
/// date is shown in UTC (Kestra servers run in UTC).
/// </summary>
internal static class DateFilters
{
    public static void Register(Dictionary<string, Callable> into)
    {
        into.Add("date", ["format", "existingFormat", "timeZone", "locale"], 0, FormatDate);
        into.Add("dateAdd", ["amount", "unit", "format", "timeZone"], 2, AddToDate);
        into.Add("timestamp", ["existingFormat", "timeZone"], 0, (input, args, _) => Parse(input, args.TextOrNull(0)).ToUnixTimeSeconds());
        into.Add("timestampMilli", ["existingFormat", "timeZone"], 0, (input, args, _) => Parse(input, args.TextOrNull(0)).ToUnixTimeMilliseconds());
        into.Add("timestampMicro", ["existingFormat", "timeZone"], 0, (input, args, _) => TicksSinceEpoch(Parse(input, args.TextOrNull(0))) / 10);
        into.Add("timestampNano", ["existingFormat", "timeZone"], 0, (input, args, _) => TicksSinceEpoch(Parse(input, args.TextOrNull(0))) * 100);
    }

    /// <summary>Kestra's named formats, else a Java DateTimeFormatter pattern.</summary>
    public static string Format(DateTimeOffset date, string? format) => format switch
    {
        null or "iso" => JavaDateFormat.Format(date, "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX"),
        "iso_sec" => JavaDateFormat.Format(date, "yyyy-MM-dd'T'HH:mm:ssXXX"),
        "iso_milli" => JavaDateFormat.Format(date, "yyyy-MM-dd'T'HH:mm:ss.SSSXXX"),
        "sql" => JavaDateFormat.Format(date, "yyyy-MM-dd HH:mm:ss.SSSSSS"),
        "sql_seconds" => JavaDateFormat.Format(date, "yyyy-MM-dd HH:mm:ss"),
        "sql_milli" => JavaDateFormat.Format(date, "yyyy-MM-dd HH:mm:ss.SSS"),
        "iso_date_time" or "iso_offset_date_time" or "iso_zoned_date_time" => ValueText.FormatDate(date),
        "iso_instant" => ValueText.FormatDate(date.ToUniversalTime()),
        "iso_date" or "iso_local_date" => JavaDateFormat.Format(date, "yyyy-MM-dd"),
        "iso_time" or "iso_local_time" => JavaDateFormat.Format(date, "HH:mm:ss"),
        "iso_local_date_time" => JavaDateFormat.Format(date, "yyyy-MM-dd'T'HH:mm:ss"),
        "rfc_1123_date_time" => date.ToString("r", CultureInfo.InvariantCulture),
        _ => JavaDateFormat.Format(date, format),
    };

    public static DateTimeOffset InZone(DateTimeOffset date, string? timeZone)
    {
        if (timeZone is null or "UTC" or "Z")
        {
            return date.ToUniversalTime();
        }

        try
        {
            return TimeZoneInfo.ConvertTime(date, TimeZoneInfo.FindSystemTimeZoneById(timeZone));
        }
        catch (TimeZoneNotFoundException ex)
        {
            throw new ExpressionException($"unknown time zone '{timeZone}'", ex);
        }
    }

    public static DateTimeOffset Parse(object? input, string? existingFormat)
    {
        if (existingFormat is null || input is not string text)
        {
            return DateValues.ToDate(input);
        }

        if (DateTimeOffset.TryParseExact(text, JavaDateFormat.ToDotNetPattern(existingFormat), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        throw new ExpressionException($"'{text}' does not match the format '{existingFormat}'");
    }

    private static object? FormatDate(object? input, Arguments args, RenderState state)
    {
        var date = InZone(Parse(input, args.TextOrNull(1)), args.TextOrNull(2));
        return Format(date, args.TextOrNull(0));
    }

    private static object? AddToDate(object? input, Arguments args, RenderState state)
    {
        var date = Parse(input, null);
        var amount = args.Long(0, 0);
        var unit = args.Text(1, "DAYS").ToUpperInvariant();
        var result = unit switch
        {
            "NANOS" => date.AddTicks(amount / 100),
            "MICROS" => date.AddTicks(amount * 10),
            "MILLIS" => date.AddMilliseconds(amount),
            "SECONDS" => date.AddSeconds(amount),
            "MINUTES" => date.AddMinutes(amount),
            "HOURS" => date.AddHours(amount),
            "HALF_DAYS" => date.AddHours(12 * amount),
            "DAYS" => date.AddDays(amount),
            "WEEKS" => date.AddDays(7 * amount),
            "MONTHS" => date.AddMonths((int)amount),
            "YEARS" => date.AddYears((int)amount),
            "DECADES" => date.AddYears(10 * (int)amount),
            "CENTURIES" => date.AddYears(100 * (int)amount),
            _ => throw new ExpressionException($"unknown unit '{unit}'; use SECONDS, MINUTES, HOURS, DAYS, WEEKS, MONTHS or YEARS"),
        };
        return args.Has(2) ? Format(InZone(result, args.TextOrNull(3)), args.TextOrNull(2)) : result;
    }

    private static long TicksSinceEpoch(DateTimeOffset date) => (date.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks);
}
