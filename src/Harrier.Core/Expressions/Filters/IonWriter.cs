using System.Text;

namespace Harrier.Core.Expressions.Filters;

/// <summary>
/// Ion text as Kestra's toIon writes it: maps as structs with symbol keys (quoted when not a plain identifier),
/// doubles as Ion floats (<c>1.5e0</c>), dates as Ion timestamps.
/// </summary>
internal static class IonWriter
{
    private static readonly string[] Keywords = ["null", "true", "false", "nan"];

    public static string Write(object? value) => Append(new StringBuilder(), value).ToString();

    private static StringBuilder Append(StringBuilder builder, object? value)
    {
        value = ExpressionValues.Normalize(value);
        switch (value)
        {
            case null:
                return builder.Append("null");
            case string s:
                return ValueText.AppendJsonString(builder, s);
            case bool or long:
                return builder.Append(ValueText.ToText(value));
            case double d:
                var text = ValueText.FormatDouble(d);
                return builder.Append(text.Contains('E', StringComparison.Ordinal) ? text.Replace('E', 'e') : text + "e0");
            case DateTimeOffset date:
                return builder.Append(ValueText.FormatDate(date));
        }

        if (ValueAccess.TryAsMap(value, out var map))
        {
            builder.Append('{');
            var first = true;
            foreach (var pair in map)
            {
                builder.Append(first ? string.Empty : ",");
                first = false;
                AppendSymbol(builder, pair.Key).Append(':');
                Append(builder, pair.Value);
            }

            return builder.Append('}');
        }

        if (ValueAccess.TryAsList(value, out var list))
        {
            builder.Append('[');
            for (var i = 0; i < list.Count; i++)
            {
                builder.Append(i == 0 ? string.Empty : ",");
                Append(builder, list[i]);
            }

            return builder.Append(']');
        }

        return ValueText.AppendJsonString(builder, value.ToString() ?? string.Empty);
    }

    private static StringBuilder AppendSymbol(StringBuilder builder, string key)
    {
        var plain = key.Length > 0 && (char.IsAsciiLetter(key[0]) || key[0] is '_' or '$')
            && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$')
            && Array.IndexOf(Keywords, key) < 0;
        if (plain)
        {
            return builder.Append(key);
        }

        return builder.Append('\'').Append(key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)).Append('\'');
    }
}
