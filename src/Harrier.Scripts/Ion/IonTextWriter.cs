using System.Collections;
using System.Globalization;
using System.Text;

namespace Harrier.Scripts.Ion;

/// <summary>
/// Writes plain values as Ion text the way Kestra's row files hold them: one value per line, structs with symbol
/// field names (quoted unless plain identifiers), strings in double quotes, doubles as Ion floats (<c>1.5e0</c>).
/// </summary>
public static class IonTextWriter
{
    private static readonly string[] Keywords = ["null", "true", "false", "nan"];

    public static string Write(object? value) => Append(new StringBuilder(), value).ToString();

    private static StringBuilder Append(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case null:
                return builder.Append("null");
            case string s:
                return AppendString(builder, s, '"');
            case bool b:
                return builder.Append(b ? "true" : "false");
            case long or int or short or byte:
                return builder.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
            case double d:
                return builder.Append(Float(d));
            case IDictionary<string, object?> map:
                builder.Append('{');
                var first = true;
                foreach (var (key, item) in map)
                {
                    builder.Append(first ? string.Empty : ",");
                    first = false;
                    AppendSymbol(builder, key).Append(':');
                    Append(builder, item);
                }

                return builder.Append('}');
            case IEnumerable list:
                builder.Append('[');
                var firstItem = true;
                foreach (var item in list)
                {
                    builder.Append(firstItem ? string.Empty : ",");
                    firstItem = false;
                    Append(builder, item);
                }

                return builder.Append(']');
            default:
                return AppendString(builder, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty, '"');
        }
    }

    private static string Float(double d)
    {
        if (double.IsNaN(d))
        {
            return "nan";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "+inf" : "-inf";
        }

        var text = d.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('E', StringComparison.Ordinal) ? text.Replace('E', 'e') : text + "e0";
    }

    private static StringBuilder AppendSymbol(StringBuilder builder, string key)
    {
        var plain = key.Length > 0 && (char.IsAsciiLetter(key[0]) || key[0] is '_' or '$')
            && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$')
            && Array.IndexOf(Keywords, key) < 0;
        return plain ? builder.Append(key) : AppendString(builder, key, '\'');
    }

    private static StringBuilder AppendString(StringBuilder builder, string text, char quote)
    {
        builder.Append(quote);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case var q when q == quote:
                    builder.Append('\\').Append(q);
                    break;
                case < ' ':
                    builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.Append(quote);
    }
}
