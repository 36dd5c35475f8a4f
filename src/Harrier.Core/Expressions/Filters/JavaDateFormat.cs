using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Harrier.Core.Expressions.Filters;

/// <summary>
/// Java DateTimeFormatter patterns (the letters flows use: y u M d D H h k m s S a E Z X x z and 'quoted text'),
/// formatted directly from a DateTimeOffset. Patterns are split once and cached.
/// </summary>
internal static class JavaDateFormat
{
    private static readonly ConcurrentDictionary<string, (char Letter, int Count, string Literal)[]> Cache = new(StringComparer.Ordinal);

    public static string Format(DateTimeOffset date, string pattern)
    {
        var builder = new StringBuilder(pattern.Length + 8);
        foreach (var (letter, count, literal) in Cache.GetOrAdd(pattern, Split))
        {
            if (letter == '\0')
            {
                builder.Append(literal);
                continue;
            }

            AppendField(builder, date, letter, count);
        }

        return builder.ToString();
    }

    /// <summary>The equivalent .NET pattern, for parsing with <c>existingFormat</c>.</summary>
    public static string ToDotNetPattern(string pattern)
    {
        var builder = new StringBuilder();
        foreach (var (letter, count, literal) in Cache.GetOrAdd(pattern, Split))
        {
            builder.Append(letter switch
            {
                '\0' => "'" + literal.Replace("'", "\\'", StringComparison.Ordinal) + "'",
                'y' or 'u' => count == 2 ? "yy" : "yyyy",
                'S' => new string('f', Math.Min(count, 7)),
                'a' => "tt",
                'E' => count >= 4 ? "dddd" : "ddd",
                'X' or 'x' or 'Z' or 'z' => "K",
                'k' => new string('H', count),
                _ => new string(letter, count),
            });
        }

        return builder.ToString();
    }

    private static (char, int, string)[] Split(string pattern)
    {
        var parts = new List<(char, int, string)>();
        for (var i = 0; i < pattern.Length;)
        {
            var c = pattern[i];
            if (c == '\'')
            {
                var end = pattern.IndexOf('\'', i + 1);
                if (end < 0)
                {
                    throw new ExpressionException($"unterminated quote in date pattern '{pattern}'");
                }

                parts.Add(('\0', 0, end == i + 1 ? "'" : pattern[(i + 1)..end]));
                i = end + 1;
            }
            else if (char.IsAsciiLetter(c))
            {
                if ("yuMdDHhkmsSaEZXxz".IndexOf(c, StringComparison.Ordinal) < 0)
                {
                    throw new ExpressionException($"unsupported letter '{c}' in date pattern '{pattern}'");
                }

                var start = i;
                while (i < pattern.Length && pattern[i] == c)
                {
                    i++;
                }

                parts.Add((c, i - start, string.Empty));
            }
            else
            {
                parts.Add(('\0', 0, c.ToString()));
                i++;
            }
        }

        return [.. parts];
    }

    private static void AppendField(StringBuilder builder, DateTimeOffset date, char letter, int count)
    {
        var culture = CultureInfo.InvariantCulture;
        switch (letter)
        {
            case 'y' or 'u':
                builder.Append(count == 2 ? (date.Year % 100).ToString("00", culture) : date.Year.ToString(new string('0', count), culture));
                break;
            case 'M':
                builder.Append(count switch
                {
                    1 => date.Month.ToString(culture),
                    2 => date.Month.ToString("00", culture),
                    3 => date.ToString("MMM", culture),
                    _ => date.ToString("MMMM", culture),
                });
                break;
            case 'E':
                builder.Append(date.ToString(count >= 4 ? "dddd" : "ddd", culture));
                break;
            case 'a':
                builder.Append(date.Hour < 12 ? "AM" : "PM");
                break;
            case 'S':
                var fraction = (date.Ticks % TimeSpan.TicksPerSecond).ToString("0000000", culture) + "00";
                builder.Append(fraction.AsSpan(0, Math.Min(count, 9)));
                break;
            case 'Z' or 'X' or 'x' or 'z':
                AppendOffset(builder, date.Offset, letter, count);
                break;
            default:
                var value = letter switch
                {
                    'd' => date.Day,
                    'D' => date.DayOfYear,
                    'H' => date.Hour,
                    'k' => date.Hour == 0 ? 24 : date.Hour,
                    'h' => date.Hour % 12 == 0 ? 12 : date.Hour % 12,
                    'm' => date.Minute,
                    _ => date.Second,
                };
                builder.Append(value.ToString(new string('0', count), culture));
                break;
        }
    }

    private static void AppendOffset(StringBuilder builder, TimeSpan offset, char letter, int count)
    {
        if (offset == TimeSpan.Zero && letter == 'X')
        {
            builder.Append('Z');
            return;
        }

        if (letter == 'z')
        {
            builder.Append(offset == TimeSpan.Zero ? "UTC" : "GMT" + Offset(offset, ":"));
            return;
        }

        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        builder.Append(sign).Append(abs.Hours.ToString("00", CultureInfo.InvariantCulture));
        var colon = (letter is 'X' or 'x' && count >= 3) || (letter == 'Z' && count >= 5);
        if (count == 1 && letter != 'Z' && abs.Minutes == 0)
        {
            return;
        }

        builder.Append(colon ? ":" : string.Empty).Append(abs.Minutes.ToString("00", CultureInfo.InvariantCulture));
    }

    private static string Offset(TimeSpan offset, string separator) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().Hours.ToString("00", CultureInfo.InvariantCulture)
        + separator + offset.Duration().Minutes.ToString("00", CultureInfo.InvariantCulture);
}
