using System.Globalization;

namespace Harrier.Core.Triggers.Cron;

/// <summary>
/// Checks each field of a cron expression against Kestra's ranges (strict, as its cron definition is) and says which
/// field is wrong and why, in words a user can act on (<c>minute 61 is out of range (0-59)</c>) — the cron library's
/// own messages name neither the value nor the field the way a flow author wrote them.
/// </summary>
internal static class CronFieldCheck
{
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private sealed record Field(string Name, int Min, int Max, string[]? Names = null, bool AllowsQuestionMark = false, bool AllowsExtensions = false);

    private static readonly Field Second = new("second", 0, 59);
    private static readonly Field Minute = new("minute", 0, 59);
    private static readonly Field Hour = new("hour", 0, 23);
    private static readonly Field DayOfMonth = new("day of month", 1, 31, AllowsQuestionMark: true, AllowsExtensions: true);
    private static readonly Field Month = new("month", 1, 12, MonthNames);
    private static readonly Field DayOfWeek = new("day of week", 0, 7, DayNames, AllowsQuestionMark: true, AllowsExtensions: true);

    /// <summary>The first problem of <paramref name="fields"/> (already split, nicknames expanded), or null.</summary>
    public static string? FirstProblem(IReadOnlyList<string> fields, bool withSeconds)
    {
        Field[] layout = withSeconds ? [Second, Minute, Hour, DayOfMonth, Month, DayOfWeek] : [Minute, Hour, DayOfMonth, Month, DayOfWeek];
        if (fields.Count != layout.Length)
        {
            var expected = withSeconds
                ? "6 fields (second minute hour day-of-month month day-of-week), as withSeconds is true"
                : "5 fields (minute hour day-of-month month day-of-week); set withSeconds: true for a 6th, leading seconds field";
            return $"has {fields.Count} field(s) where {expected} are expected";
        }

        for (var i = 0; i < layout.Length; i++)
        {
            if (CheckField(fields[i], layout[i]) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? CheckField(string text, Field field)
    {
        foreach (var item in text.Split(','))
        {
            if (item.Length == 0)
            {
                return $"{field.Name} '{text}' has an empty item between commas";
            }

            if (CheckItem(item, field) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? CheckItem(string item, Field field)
    {
        if (item == "?")
        {
            return field.AllowsQuestionMark ? null : $"'?' is only allowed in day of month or day of week, not in {field.Name}";
        }

        // L, W and # (last day, nearest weekday, nth weekday) are handled by the cron library itself.
        if (field.AllowsExtensions && item.IndexOfAny(['L', 'W', '#', 'l', 'w']) >= 0)
        {
            return null;
        }

        var slash = item.IndexOf('/', StringComparison.Ordinal);
        var range = slash >= 0 ? item[..slash] : item;
        if (slash >= 0)
        {
            var stepText = item[(slash + 1)..];
            if (!int.TryParse(stepText, NumberStyles.None, CultureInfo.InvariantCulture, out var step))
            {
                return $"{field.Name} step '{stepText}' in '{item}' is not a number";
            }

            if (step < 1 || step > field.Max)
            {
                return $"{field.Name} {step} is out of range ({field.Min}-{field.Max})";
            }
        }

        if (range == "*")
        {
            return null;
        }

        var dash = range.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return Value(range, field, out _);
        }

        if (Value(range[..dash], field, out var from) is { } fromProblem)
        {
            return fromProblem;
        }

        if (Value(range[(dash + 1)..], field, out var to) is { } toProblem)
        {
            return toProblem;
        }

        return from > to ? $"{field.Name} range '{range}' goes backwards ({from} is after {to}); write the smaller value first" : null;
    }

    private static string? Value(string text, Field field, out int value)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            return value < field.Min || value > field.Max ? $"{field.Name} {value} is out of range ({field.Min}-{field.Max})" : null;
        }

        var index = field.Names is null ? -1 : Array.IndexOf(field.Names, text.ToUpperInvariant());
        if (index >= 0)
        {
            value = field == Month ? index + 1 : index;
            return null;
        }

        var names = field.Names is null ? "" : $" or a name ({string.Join(", ", field.Names)})";
        return $"{field.Name} '{text}' is not a number from {field.Min} to {field.Max}{names}";
    }
}
