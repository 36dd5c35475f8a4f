using Cronos;

namespace Harrier.Core.Triggers.Cron;

/// <summary>
/// A Schedule trigger's cron expression with Kestra's semantics: 5 fields (6 with <c>withSeconds</c>, seconds first),
/// day of week 0–7 (0 and 7 are Sunday), the nicknames <c>@yearly @annually @monthly @weekly @daily @midnight @hourly</c>,
/// and — as in Unix cron and in Kestra's cron definition — a day that matches <b>either</b> a restricted day of month
/// <b>or</b> a restricted day of week (<c>0 0 13 * 5</c> fires on every 13th and on every Friday; Cronos alone would fire
/// only on Friday the 13th, so such an expression is evaluated as the union of two). Beyond Kestra, the day fields also
/// take Cronos's <c>L</c>, <c>W</c> and <c>#</c>. Occurrences are computed in a time zone (daylight saving handled by
/// Cronos: a skipped local time fires at the jump, a repeated one once).
/// </summary>
public sealed class CronSchedule
{
    private static readonly Dictionary<string, string> Nicknames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["@yearly"] = "0 0 1 1 *",
        ["@annually"] = "0 0 1 1 *",
        ["@monthly"] = "0 0 1 * *",
        ["@weekly"] = "0 0 * * 0",
        ["@daily"] = "0 0 * * *",
        ["@midnight"] = "0 0 * * *",
        ["@hourly"] = "0 * * * *",
    };

    private readonly CronExpression[] _expressions;
    private readonly TimeSpan _searchStart;

    private CronSchedule(string text, CronExpression[] expressions, bool withSeconds)
    {
        Text = text;
        _expressions = expressions;
        _searchStart = withSeconds ? TimeSpan.FromSeconds(2) : TimeSpan.FromMinutes(2);
    }

    public string Text { get; }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="CronScheduleException"/> saying what is wrong.</summary>
    public static CronSchedule Parse(string text, bool withSeconds) =>
        TryParse(text, withSeconds, out var schedule, out var problem) ? schedule : throw new CronScheduleException(problem);

    public static bool TryParse(string text, bool withSeconds, out CronSchedule schedule, out string problem)
    {
        schedule = null!;
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            problem = "is empty; write 5 fields such as \"0 2 * * *\" (every day at 02:00) or a nickname such as @daily";
            return false;
        }

        if (trimmed.StartsWith('@'))
        {
            if (!Nicknames.TryGetValue(trimmed, out var expanded))
            {
                problem = $"'{trimmed}' is not a cron nickname; use one of {string.Join(", ", Nicknames.Keys)}";
                return false;
            }

            trimmed = withSeconds ? "0 " + expanded : expanded;
        }

        var fields = trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (CronFieldCheck.FirstProblem(fields, withSeconds) is { } fieldProblem)
        {
            problem = fieldProblem;
            return false;
        }

        var format = withSeconds ? CronFormat.IncludeSeconds : CronFormat.Standard;
        var (dayOfMonth, dayOfWeek) = (fields.Length - 3, fields.Length - 1);
        string[][] variants = IsRestricted(fields[dayOfMonth]) && IsRestricted(fields[dayOfWeek])
            ? [With(fields, dayOfWeek, "*"), With(fields, dayOfMonth, "*")]
            : [fields];
        try
        {
            var expressions = variants.Select(v => CronExpression.Parse(string.Join(' ', v), format)).ToArray();
            schedule = new CronSchedule(text, expressions, withSeconds);
            problem = "";
            return true;
        }
        catch (CronFormatException ex)
        {
            problem = ex.Message;
            return false;
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="instant"/>, or null when there is none.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset instant, TimeZoneInfo zone) => Earliest(instant, zone, inclusive: false);

    /// <summary>The first occurrence at or after <paramref name="instant"/>, or null when there is none.</summary>
    public DateTimeOffset? NextAtOrAfter(DateTimeOffset instant, TimeZoneInfo zone) => Earliest(instant, zone, inclusive: true);

    /// <summary>
    /// The last occurrence strictly before <paramref name="instant"/> (null when none in the 30 years before). Cronos only
    /// looks forward: this looks forward over windows that grow eightfold backwards from the instant, so a per-second
    /// schedule enumerates a couple of occurrences and a yearly one a handful of windows.
    /// </summary>
    public DateTimeOffset? PreviousBefore(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var limit = instant.AddYears(-30);
        for (var window = _searchStart; ; window *= 8)
        {
            var from = instant - window < limit ? limit : instant - window;
            DateTimeOffset? last = null;
            foreach (var expression in _expressions)
            {
                foreach (var occurrence in expression.GetOccurrences(from, instant, zone, fromInclusive: true, toInclusive: false))
                {
                    last = last is null || occurrence > last ? occurrence : last;
                }
            }

            if (last is not null || from == limit)
            {
                return last;
            }
        }
    }

    private DateTimeOffset? Earliest(DateTimeOffset instant, TimeZoneInfo zone, bool inclusive)
    {
        DateTimeOffset? earliest = null;
        foreach (var expression in _expressions)
        {
            var next = expression.GetNextOccurrence(instant, zone, inclusive);
            earliest = next is { } found && (earliest is null || found < earliest) ? found : earliest;
        }

        return earliest;
    }

    private static bool IsRestricted(string field) => field is not ("*" or "?");

    private static string[] With(string[] fields, int index, string value)
    {
        var copy = (string[])fields.Clone();
        copy[index] = value;
        return copy;
    }

    public override string ToString() => Text;
}

/// <summary>A cron expression that cannot be parsed; the message says why.</summary>
public sealed class CronScheduleException(string message) : ArgumentException(message);
