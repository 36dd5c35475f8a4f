using System.Globalization;
using System.Text;

namespace Harrier.Core.Expressions;

/// <summary>
/// The text form of values as Kestra renders them: integers plain, doubles like Java (<c>30.0</c>, <c>3.65</c>),
/// booleans and null as <c>true</c>/<c>false</c>/<c>null</c>, dates as ISO 8601, lists and maps as compact JSON.
/// </summary>
public static class ValueText
{
    public static string ToText(object? value) => ExpressionValues.Normalize(value) switch
    {
        string s => s,
        null => "null",
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => FormatDouble(d),
        DateTimeOffset date => FormatDate(date),
        var other => AppendText(new StringBuilder(), other).ToString(),
    };

    public static StringBuilder AppendText(StringBuilder builder, object? value)
    {
        value = ExpressionValues.Normalize(value);
        switch (value)
        {
            case string s:
                return builder.Append(s);
            case long l:
                return builder.Append(l);
            case var _ when ValueAccess.TryAsMap(value, out _) || ValueAccess.TryAsList(value, out _):
                return AppendJson(builder, value);
            default:
                return builder.Append(ToText(value));
        }
    }

    public static string ToJson(object? value) => AppendJson(new StringBuilder(), value).ToString();

    /// <summary>Compact JSON; non-ASCII characters are written as they are, like Kestra's Jackson mapper.</summary>
    public static StringBuilder AppendJson(StringBuilder builder, object? value)
    {
        value = ExpressionValues.Normalize(value);
        switch (value)
        {
            case null:
                return builder.Append("null");
            case string s:
                return AppendJsonString(builder, s);
            case bool or long or double:
                return builder.Append(ToText(value));
            case DateTimeOffset date:
                return AppendJsonString(builder, FormatDate(date));
        }

        if (ValueAccess.TryAsMap(value, out var map))
        {
            builder.Append('{');
            var first = true;
            foreach (var pair in map)
            {
                if (!first)
                {
                    builder.Append(',');
                }

                first = false;
                AppendJsonString(builder, pair.Key).Append(':');
                AppendJson(builder, pair.Value);
            }

            return builder.Append('}');
        }

        if (ValueAccess.TryAsList(value, out var list))
        {
            builder.Append('[');
            for (var i = 0; i < list.Count; i++)
            {
                if (i > 0)
                {
                    builder.Append(',');
                }

                AppendJson(builder, list[i]);
            }

            return builder.Append(']');
        }

        return AppendJsonString(builder, value.ToString() ?? string.Empty);
    }

    public static StringBuilder AppendJsonString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case < ' ': builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: builder.Append(c); break;
            }
        }

        return builder.Append('"');
    }

    /// <summary>Java's Double.toString for the common range: a whole double keeps ".0".</summary>
    public static string FormatDouble(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (text.Contains('E', StringComparison.Ordinal))
        {
            var mantissaEnd = text.IndexOf('E', StringComparison.Ordinal);
            var mantissa = text[..mantissaEnd];
            var exponent = text[(mantissaEnd + 1)..].TrimStart('+');
            return (mantissa.Contains('.', StringComparison.Ordinal) ? mantissa : mantissa + ".0") + "E" + exponent;
        }

        return text.Contains('.', StringComparison.Ordinal) ? text : text + ".0";
    }

    /// <summary>ISO 8601 like Java's Instant/OffsetDateTime: seconds always, fraction in groups of three digits.</summary>
    public static string FormatDate(DateTimeOffset date)
    {
        var ticks = date.Ticks % TimeSpan.TicksPerSecond;
        var fraction = ticks == 0 ? string.Empty
            : ticks % TimeSpan.TicksPerMillisecond == 0 ? ".fff"
            : ticks % 10 == 0 ? ".ffffff"
            : ".fffffff";
        var zone = date.Offset == TimeSpan.Zero ? "'Z'" : "zzz";
        return date.ToString("yyyy-MM-dd'T'HH:mm:ss" + fraction + zone, CultureInfo.InvariantCulture);
    }
}
