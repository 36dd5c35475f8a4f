namespace Harrier.Core.Expressions.Ast;

/// <summary>Operator semantics following Pebble: long op long stays long (7 / 2 = 3), any double widens.</summary>
internal static class Operators
{
    public static object Arithmetic(BinaryOperator op, object? a, object? b)
    {
        a = ExpressionValues.Normalize(a);
        b = ExpressionValues.Normalize(b);
        if (!ExpressionValues.IsNumber(a) || !ExpressionValues.IsNumber(b))
        {
            var hint = op == BinaryOperator.Add && (a is string || b is string) ? "; use '~' to concatenate text" : string.Empty;
            throw new ExpressionException($"Operator '{Symbol(op)}' needs numbers but got {ExpressionValues.TypeName(a)} and {ExpressionValues.TypeName(b)}{hint}");
        }

        if (a is long x && b is long y)
        {
            if ((op == BinaryOperator.Divide || op == BinaryOperator.Modulo) && y == 0)
            {
                throw new ExpressionException("Division by zero");
            }

            return op switch
            {
                BinaryOperator.Add => x + y,
                BinaryOperator.Subtract => x - y,
                BinaryOperator.Multiply => x * y,
                BinaryOperator.Divide => x / y,
                _ => x % y,
            };
        }

        var p = ExpressionValues.ToDouble(a);
        var q = ExpressionValues.ToDouble(b);
        return op switch
        {
            BinaryOperator.Add => p + q,
            BinaryOperator.Subtract => p - q,
            BinaryOperator.Multiply => p * q,
            BinaryOperator.Divide => p / q,
            _ => p % q,
        };
    }

    /// <summary>Lists contain items, maps contain keys, strings contain substrings.</summary>
    public static bool Contains(object? container, object? item)
    {
        container = ExpressionValues.Normalize(container);
        if (container is string s)
        {
            return s.Contains(ValueText.ToText(item), StringComparison.Ordinal);
        }

        if (ValueAccess.TryAsMap(container, out var map))
        {
            return map.ContainsKey(ValueText.ToText(item));
        }

        if (ValueAccess.TryAsList(container, out var list))
        {
            // Pebble: a list on the right means "contains all of them".
            if (ValueAccess.TryAsList(item, out var wanted))
            {
                foreach (var w in wanted)
                {
                    if (!Contains(list, w))
                    {
                        return false;
                    }
                }

                return true;
            }

            foreach (var element in list)
            {
                if (ExpressionValues.Equals(element, item))
                {
                    return true;
                }
            }

            return false;
        }

        return container is null
            ? false
            : throw new ExpressionException($"'contains' needs a list, map or string but got {ExpressionValues.TypeName(container)}");
    }

    /// <summary>Inclusive range of integers (or single characters), as Pebble's <c>1..5</c> and range().</summary>
    /// <summary>The items of a range; their number is spent from <paramref name="budget"/> before any is made.</summary>
    public static List<object?> Range(object? from, object? to, object? step, RenderBudget budget)
    {
        if (from is string a && to is string b && a.Length == 1 && b.Length == 1)
        {
            budget.Iterate(Math.Max(0, b[0] - a[0] + 1));
            var chars = new List<object?>();
            for (var c = a[0]; c <= b[0]; c++)
            {
                chars.Add(c.ToString());
            }

            return chars;
        }

        var start = ExpressionValues.ToLong(from);
        var end = ExpressionValues.ToLong(to);
        var increment = ExpressionValues.ToLong(step);
        if (increment == 0)
        {
            throw new ExpressionException("range() step must not be zero");
        }

        var span = increment > 0 ? (Int128)end - start : (Int128)start - end;
        var count = span < 0 ? 0 : (long)Int128.Min(span / Int128.Abs(increment) + 1, long.MaxValue);
        budget.Iterate(count);
        var result = new List<object?>((int)Math.Min(count, Array.MaxLength));
        for (var i = 0L; i < count; i++)
        {
            result.Add(start + (i * increment));
        }

        return result;
    }

    private static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        _ => "%",
    };
}
