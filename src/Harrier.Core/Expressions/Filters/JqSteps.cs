namespace Harrier.Core.Expressions.Filters;

/// <summary>The runtime steps of <see cref="JqQuery"/> programs.</summary>
internal static class JqSteps
{
    public static IEnumerable<object?> Field(object? input, string name)
    {
        if (input is null)
        {
            return [null];
        }

        if (!ValueAccess.TryAsMap(input, out var map))
        {
            throw new ExpressionException($"jq: cannot index {ExpressionValues.TypeName(input)} with \"{name}\"");
        }

        return [map.TryGetValue(name, out var value) ? ExpressionValues.Normalize(value) : null];
    }

    public static IEnumerable<object?> Index(object? input, object? key)
    {
        if (key is string name)
        {
            return Field(input, name);
        }

        if (input is null)
        {
            return [null];
        }

        if (!ValueAccess.TryAsList(input, out var list))
        {
            throw new ExpressionException($"jq: cannot index {ExpressionValues.TypeName(input)} with a number");
        }

        var index = (int)ExpressionValues.ToLong(key);
        if (index < 0)
        {
            index += list.Count;
        }

        return [index >= 0 && index < list.Count ? ExpressionValues.Normalize(list[index]) : null];
    }

    public static IEnumerable<object?> Iterate(object? input)
    {
        if (ValueAccess.TryAsMap(input, out var map))
        {
            return map.Values.Select(ExpressionValues.Normalize);
        }

        if (ValueAccess.TryAsList(input, out var list))
        {
            return list.Select(ExpressionValues.Normalize);
        }

        throw new ExpressionException($"jq: cannot iterate over {ExpressionValues.TypeName(input)}");
    }

    public static IEnumerable<object?> Select(object? input, Func<object?, IEnumerable<object?>> condition) =>
        condition(input).Any(ExpressionValues.IsTruthy) ? [input] : [];

    public static IEnumerable<object?> Map(object? input, Func<object?, IEnumerable<object?>> body) =>
        [Iterate(input).SelectMany(body).ToList()];

    public static IEnumerable<object?> Try(Func<object?, IEnumerable<object?>> body, object? input)
    {
        try
        {
            return body(input).ToList();
        }
        catch (ExpressionException)
        {
            return [];
        }
    }

    public static Func<object?, object?>? Builtin(string name) => name switch
    {
        "keys" => input => ValueAccess.TryAsMap(input, out var m) ? m.Keys.Order(StringComparer.Ordinal).Cast<object?>().ToList()
            : Enumerable.Range(0, Iterate(input).Count()).Select(i => (object?)(long)i).ToList(),
        "values" => input => Iterate(input).ToList(),
        "length" => input => input switch
        {
            null => 0L,
            string s => (long)s.Length,
            long or double => Math.Abs(ExpressionValues.ToDouble(input)) is var d && input is long ? (object)(long)d : d,
            _ => (long)Iterate(input).Count(),
        },
        "first" => input => Iterate(input).FirstOrDefault(),
        "last" => input => Iterate(input).LastOrDefault(),
        "not" => input => !ExpressionValues.IsTruthy(input),
        "tostring" => input => input is string s ? s : ValueText.ToJson(input),
        "tonumber" => input => ExpressionValues.Normalize(input) is long or double ? input : ExpressionValues.ToDouble(input) is var d && d == Math.Floor(d) ? (object)(long)d : d,
        "type" => input => input switch
        {
            null => "null",
            bool => "boolean",
            long or double => "number",
            string => "string",
            _ when ValueAccess.TryAsMap(input, out _) => "object",
            _ => "array",
        },
        "add" => input => Iterate(input).Aggregate((object?)null, Add),
        _ => null,
    };

    private static object? Add(object? sum, object? item) => (sum, item) switch
    {
        (null, _) => item,
        (_, null) => sum,
        (string a, string b) => a + b,
        (long a, long b) => a + b,
        _ when ExpressionValues.IsNumber(sum) && ExpressionValues.IsNumber(item) => ExpressionValues.ToDouble(sum) + ExpressionValues.ToDouble(item),
        _ when ValueAccess.TryAsList(sum, out var a) && ValueAccess.TryAsList(item, out var b) => a.Concat(b).ToList(),
        _ => throw new ExpressionException($"jq: cannot add {ExpressionValues.TypeName(sum)} and {ExpressionValues.TypeName(item)}"),
    };
}
