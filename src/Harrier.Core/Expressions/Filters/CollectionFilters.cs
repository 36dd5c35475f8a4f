using System.Text;
using Harrier.Core.Expressions.Ast;

namespace Harrier.Core.Expressions.Filters;

/// <summary>Filters over lists, maps and (where Pebble allows) strings.</summary>
internal static class CollectionFilters
{
    public static void Register(Dictionary<string, Callable> into)
    {
        into["default"] = new Callable("default", ["default"], 1, Default) { ToleratesUndefinedInput = true };
        into.Add("length", [], 0, (input, _, _) => Length(input));
        into.Add("join", ["separator"], 0, (input, args, _) => Join(input, args.Text(0, string.Empty)));
        into.Add("first", [], 0, (input, _, _) => Edge(input, first: true));
        into.Add("last", [], 0, (input, _, _) => Edge(input, first: false));
        into.Add("slice", ["fromIndex", "toIndex"], 0, Slice);
        into.Add("sort", [], 0, (input, _, _) => Sorted(input, descending: false));
        into.Add("rsort", [], 0, (input, _, _) => Sorted(input, descending: true));
        into.Add("reverse", [], 0, (input, _, _) => Reverse(input));
        into.Add("keys", [], 0, (input, _, _) => new List<object?>(Map(input, "keys").Keys));
        into.Add("values", [], 0, (input, _, _) => new List<object?>(Map(input, "values").Values));
        into.Add("flatten", [], 0, (input, _, _) => Flatten(input));
        into.Add("chunk", ["size"], 1, (input, args, _) => Chunk(input, (int)args.Long(0, 1)));
        into.Add("merge", ["items"], 1, (input, args, _) => Merge(input, args[0]));
        into.Add("distinct", [], 0, (input, _, _) => Distinct(input));
    }

    /// <summary>Pebble: the fallback replaces undefined, null, empty text and empty collections.</summary>
    private static object? Default(object? input, Arguments args, RenderState state)
    {
        var empty = ReferenceEquals(input, Arguments.Missing) || input switch
        {
            null => true,
            string s => s.Length == 0,
            _ when ValueAccess.TryAsList(input, out var l) => l.Count == 0,
            _ when ValueAccess.TryAsMap(input, out var m) => m.Count == 0,
            _ => false,
        };
        return empty ? args[0] : input;
    }

    private static long Length(object? input) => input switch
    {
        null => 0,
        string s => s.Length,
        _ when ValueAccess.TryAsList(input, out var l) => l.Count,
        _ when ValueAccess.TryAsMap(input, out var m) => m.Count,
        _ => ValueText.ToText(input).Length,
    };

    private static string Join(object? input, string separator)
    {
        var builder = new StringBuilder();
        var items = List(input, "join");
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(separator);
            }

            ValueText.AppendText(builder, items[i]);
        }

        return builder.ToString();
    }

    private static object? Edge(object? input, bool first)
    {
        if (input is string s)
        {
            return s.Length == 0 ? null : (first ? s[0] : s[^1]).ToString();
        }

        var items = List(input, first ? "first" : "last");
        return items.Count == 0 ? null : ExpressionValues.Normalize(items[first ? 0 : ^1]);
    }

    private static object? Slice(object? input, Arguments args, RenderState state)
    {
        var length = input is string text ? text.Length : List(input, "slice").Count;
        var from = (int)Math.Clamp(args.Long(0, 0), 0, length);
        var to = (int)Math.Clamp(args.Long(1, length), from, length);
        if (input is string s)
        {
            return s[from..to];
        }

        var items = List(input, "slice");
        var result = new List<object?>(to - from);
        for (var i = from; i < to; i++)
        {
            result.Add(items[i]);
        }

        return result;
    }

    private static List<object?> Sorted(object? input, bool descending)
    {
        var result = new List<object?>(List(input, "sort"));
        result.Sort((a, b) => descending ? ExpressionValues.Compare(b, a) : ExpressionValues.Compare(a, b));
        return result;
    }

    private static object Reverse(object? input)
    {
        if (input is string s)
        {
            var chars = s.ToCharArray();
            Array.Reverse(chars);
            return new string(chars);
        }

        var result = new List<object?>(List(input, "reverse"));
        result.Reverse();
        return result;
    }

    private static List<object?> Flatten(object? input)
    {
        var result = new List<object?>();
        foreach (var item in List(input, "flatten"))
        {
            if (ValueAccess.TryAsList(item, out var inner))
            {
                result.AddRange(inner);
            }
            else
            {
                result.Add(item);
            }
        }

        return result;
    }

    private static List<object?> Chunk(object? input, int size)
    {
        if (size < 1)
        {
            throw new ExpressionException("size must be at least 1");
        }

        var items = List(input, "chunk");
        var result = new List<object?>();
        for (var i = 0; i < items.Count; i += size)
        {
            var chunk = new List<object?>(Math.Min(size, items.Count - i));
            for (var j = i; j < Math.Min(i + size, items.Count); j++)
            {
                chunk.Add(items[j]);
            }

            result.Add(chunk);
        }

        return result;
    }

    private static object Merge(object? input, object? other)
    {
        if (ValueAccess.TryAsMap(input, out var map))
        {
            var merged = new Dictionary<string, object?>(map, StringComparer.Ordinal);
            foreach (var pair in Map(other, "merge"))
            {
                merged[pair.Key] = pair.Value;
            }

            return merged;
        }

        var list = new List<object?>(List(input, "merge"));
        list.AddRange(List(other, "merge"));
        return list;
    }

    private static List<object?> Distinct(object? input)
    {
        var result = new List<object?>();
        foreach (var item in List(input, "distinct"))
        {
            if (!result.Exists(existing => ExpressionValues.Equals(existing, item)))
            {
                result.Add(item);
            }
        }

        return result;
    }

    public static IReadOnlyList<object?> List(object? input, string filter) =>
        ValueAccess.TryAsList(input, out var list) ? list
        : throw new ExpressionException($"expects a list but got {ExpressionValues.TypeName(input)}");

    public static IReadOnlyDictionary<string, object?> Map(object? input, string filter) =>
        ValueAccess.TryAsMap(input, out var map) ? map
        : throw new ExpressionException($"expects a map but got {ExpressionValues.TypeName(input)}");
}
