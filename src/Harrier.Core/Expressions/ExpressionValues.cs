using System.Collections;
using System.Globalization;

namespace Harrier.Core.Expressions;

/// <summary>
/// Semantics of the value model shared by the engine and its callers: null, string, bool, long, double,
/// DateTimeOffset, lists and string-keyed maps (JsonElement and other CLR numbers are normalised on access).
/// </summary>
public static class ExpressionValues
{
    /// <summary>Pebble's truthiness, widened for flows: empty strings, "false", zero, empty collections are false.</summary>
    public static bool IsTruthy(object? value) => Normalize(value) switch
    {
        null => false,
        bool b => b,
        long l => l != 0,
        double d => d != 0 && !double.IsNaN(d),
        string s => s.Length != 0 && !s.Equals("false", StringComparison.OrdinalIgnoreCase),
        ICollection c => c.Count != 0,
        IReadOnlyCollection<KeyValuePair<string, object?>> m => m.Count != 0,
        _ => true,
    };

    /// <summary>Puts a CLR value into the value model: int/decimal/float become long/double, JsonElement becomes CLR values.</summary>
    public static object? Normalize(object? value) => value switch
    {
        null or string or bool or long or double => value,
        int i => (long)i,
        System.Text.Json.JsonElement e => JsonValues.FromElement(e),
        short s => (long)s,
        byte b => (long)b,
        uint u => (long)u,
        ulong u => (long)u,
        float f => double.Parse(f.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
        decimal m => decimal.Truncate(m) == m && m >= long.MinValue && m <= long.MaxValue ? (object)(long)m : (double)m,
        DateTime dt => new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt),
        char c => c.ToString(),
        Enum e => e.ToString(),
        _ => value,
    };

    public static bool IsNumber(object? value) => value is long or double or int or decimal or float;

    /// <summary>Numbers compare by value across long/double; strings ordinally; lists and maps structurally.</summary>
    public static new bool Equals(object? left, object? right)
    {
        left = Normalize(left);
        right = Normalize(right);
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        if (left is long la && right is long lb)
        {
            return la == lb;
        }

        if (IsNumber(left) && IsNumber(right))
        {
            return ToDouble(left).Equals(ToDouble(right));
        }

        if (left is string || right is string || left is bool || right is bool)
        {
            return left.Equals(right);
        }

        if (ValueAccess.TryAsMap(left, out var ma) && ValueAccess.TryAsMap(right, out var mb))
        {
            return MapsEqual(ma, mb);
        }

        if (ValueAccess.TryAsList(left, out var xa) && ValueAccess.TryAsList(right, out var xb))
        {
            return ListsEqual(xa, xb);
        }

        return left.Equals(right);
    }

    /// <summary>Orders numbers, strings (ordinal), dates and booleans; anything else is a type error.</summary>
    public static int Compare(object? left, object? right)
    {
        left = Normalize(left);
        right = Normalize(right);
        if (left is long la && right is long lb)
        {
            return la.CompareTo(lb);
        }

        if (IsNumber(left) && IsNumber(right))
        {
            return ToDouble(left).CompareTo(ToDouble(right));
        }

        return (left, right) switch
        {
            (string a, string b) => Math.Sign(string.CompareOrdinal(a, b)),
            (DateTimeOffset a, DateTimeOffset b) => a.CompareTo(b),
            (DateTimeOffset a, string b) => a.CompareTo(DateValues.ToDate(b)),
            (string a, DateTimeOffset b) => DateValues.ToDate(a).CompareTo(b),
            (bool a, bool b) => a.CompareTo(b),
            _ => throw new ExpressionException($"Cannot compare {TypeName(left)} with {TypeName(right)}"),
        };
    }

    public static double ToDouble(object? value) => Normalize(value) switch
    {
        long l => l,
        double d => d,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        bool b => b ? 1 : 0,
        var other => throw new ExpressionException($"Expected a number but got {TypeName(other)}"),
    };

    public static long ToLong(object? value) => Normalize(value) switch
    {
        long l => l,
        double d => (long)d,
        string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => (long)d,
        var other => throw new ExpressionException($"Expected an integer but got {TypeName(other)}"),
    };

    /// <summary>The render form: see <see cref="ValueText"/>.</summary>
    public static string ToText(object? value) => ValueText.ToText(value);

    /// <summary>A user-facing name of the value's type for error messages.</summary>
    public static string TypeName(object? value) => Normalize(value) switch
    {
        null => "null",
        string => "a string",
        bool => "a boolean",
        long => "an integer",
        double => "a number",
        DateTimeOffset => "a date",
        var v when ValueAccess.TryAsMap(v, out _) => "a map",
        var v when ValueAccess.TryAsList(v, out _) => "a list",
        var v => v.GetType().Name,
    };

    private static bool MapsEqual(IReadOnlyDictionary<string, object?> a, IReadOnlyDictionary<string, object?> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (var pair in a)
        {
            if (!b.TryGetValue(pair.Key, out var other) || !Equals(pair.Value, other))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ListsEqual(IReadOnlyList<object?> a, IReadOnlyList<object?> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!Equals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }
}
