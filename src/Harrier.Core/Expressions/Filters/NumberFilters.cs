using System.Globalization;
using Harrier.Core.Expressions.Ast;

namespace Harrier.Core.Expressions.Filters;

/// <summary>abs, number (text to number), numberFormat (Java DecimalFormat-like patterns) and round.</summary>
internal static class NumberFilters
{
    public static void Register(Dictionary<string, Callable> into)
    {
        into.Add("abs", [], 0, (input, _, _) => ExpressionValues.Normalize(input) switch
        {
            long l => (object)Math.Abs(l),
            var other => Math.Abs(ExpressionValues.ToDouble(other)),
        });
        into.Add("number", ["type"], 0, (input, args, _) => ToNumber(input, args.TextOrNull(0)));
        into.Add("numberFormat", ["format"], 1, (input, args, _) =>
            ExpressionValues.ToDouble(input).ToString(args.Text(0, "#"), CultureInfo.InvariantCulture));
        into.Add("round", ["precision", "method"], 0, (input, args, _) => Round(input, (int)args.Long(0, 0), args.Text(1, "HALF_UP")));
    }

    /// <summary>Kestra's number filter: integers become long, anything with a fraction or exponent double.</summary>
    private static object ToNumber(object? input, string? type)
    {
        var normalized = ExpressionValues.Normalize(input);
        var text = ValueText.ToText(normalized).Trim();
        switch (type?.ToUpperInvariant())
        {
            case "INT" or "INTEGER" or "LONG" or "SHORT" or "BYTE":
                return ExpressionValues.ToLong(text);
            case "FLOAT" or "DOUBLE" or "BIGDECIMAL":
                return ExpressionValues.ToDouble(text);
            case null or "BIGINTEGER":
                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
                {
                    return l;
                }

                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                {
                    return d;
                }

                throw new ExpressionException($"'{text}' is not a number");
            default:
                throw new ExpressionException($"unknown type '{type}'; use INT, LONG, FLOAT, DOUBLE or BIGDECIMAL");
        }
    }

    private static object Round(object? input, int precision, string method)
    {
        var value = ExpressionValues.Normalize(input);
        if (value is long l && precision >= 0)
        {
            return l;
        }

        var mode = method.ToUpperInvariant() switch
        {
            "HALF_UP" => MidpointRounding.AwayFromZero,
            "HALF_EVEN" => MidpointRounding.ToEven,
            "HALF_DOWN" => MidpointRounding.ToZero,
            "UP" => MidpointRounding.AwayFromZero,
            "DOWN" => MidpointRounding.ToZero,
            "CEILING" => MidpointRounding.ToPositiveInfinity,
            "FLOOR" => MidpointRounding.ToNegativeInfinity,
            _ => throw new ExpressionException($"unknown rounding method '{method}'"),
        };
        var number = (decimal)ExpressionValues.ToDouble(value);
        var rounded = method.ToUpperInvariant() is "UP" or "DOWN" or "CEILING" or "FLOOR"
            ? DirectedRound(number, precision, mode)
            : Math.Round(number, precision, mode);
        return precision <= 0 ? (object)(long)rounded : (double)rounded;
    }

    private static decimal DirectedRound(decimal number, int precision, MidpointRounding mode)
    {
        var scale = (decimal)Math.Pow(10, precision);
        var scaled = number * scale;
        var whole = mode switch
        {
            MidpointRounding.ToPositiveInfinity => Math.Ceiling(scaled),
            MidpointRounding.ToNegativeInfinity => Math.Floor(scaled),
            MidpointRounding.ToZero => Math.Truncate(scaled),
            _ => scaled < 0 ? Math.Floor(scaled) : Math.Ceiling(scaled),
        };
        return whole / scale;
    }
}
