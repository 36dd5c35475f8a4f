using System.Collections;

namespace Harrier.Core.Expressions;

/// <summary>Reads members and items of values, and views the accepted collection shapes as lists and maps.</summary>
public static class ValueAccess
{
    public static bool TryAsMap(object? value, out IReadOnlyDictionary<string, object?> map)
    {
        switch (value)
        {
            case IReadOnlyDictionary<string, object?> m:
                map = m;
                return true;
            case IDictionary<string, object?> d:
                map = new DictionaryView(d);
                return true;
            case IDictionary legacy:
                map = LegacyDictionaryView.Create(legacy);
                return true;
            default:
                map = null!;
                return false;
        }
    }

    public static bool TryAsList(object? value, out IReadOnlyList<object?> list)
    {
        switch (value)
        {
            case string:
                list = null!;
                return false;
            case IReadOnlyList<object?> l:
                list = l;
                return true;
            case IList legacy:
                list = new ListView(legacy);
                return true;
            default:
                list = null!;
                return false;
        }
    }

    /// <summary>Map entry or list item by name; false when the target has no such member.</summary>
    public static bool TryGetMember(object? target, string name, out object? value)
    {
        if (TryAsMap(target, out var map))
        {
            if (map.TryGetValue(name, out value))
            {
                value = ExpressionValues.Normalize(value);
                return true;
            }

            return false;
        }

        if (TryAsList(target, out var list) && int.TryParse(name, out var index))
        {
            return TryGetItem(list, index, out value);
        }

        value = null;
        return false;
    }

    /// <summary><c>a[key]</c>: integer keys index lists (and strings), other keys name map entries.</summary>
    public static bool TryGetIndex(object? target, object? key, out object? value)
    {
        key = ExpressionValues.Normalize(key);
        if (key is long or double && TryAsList(target, out var list))
        {
            return TryGetItem(list, (int)ExpressionValues.ToLong(key), out value);
        }

        if (key is long i && target is string s)
        {
            var ok = i >= 0 && i < s.Length;
            value = ok ? s[(int)i].ToString() : null;
            return ok;
        }

        return TryGetMember(target, ExpressionValues.ToText(key), out value);
    }

    /// <summary>Names of a map's keys, for "did you mean" hints.</summary>
    public static IEnumerable<string> MemberNames(object? target) =>
        TryAsMap(target, out var map) ? map.Keys : [];

    private static bool TryGetItem(IReadOnlyList<object?> list, int index, out object? value)
    {
        if (index >= 0 && index < list.Count)
        {
            value = ExpressionValues.Normalize(list[index]);
            return true;
        }

        value = null;
        return false;
    }
}
