using System.Globalization;
using System.Text.RegularExpressions;

namespace Harrier.Core.Yaml;

/// <summary>A scalar. <see cref="IsPlain"/> is false for quoted and block scalars, which are always strings.</summary>
public sealed partial record YScalar(string Value, bool IsPlain, SourcePosition Position) : YNode(Position)
{
    /// <summary>'|' or '>' for block scalars, '\'' or '"' for quoted ones, '\0' for plain; maps positions inside the text.</summary>
    public char Style { get; init; }

    public override string KindName => IsNull ? "null" : PlainType switch
    {
        ScalarType.Boolean => "a boolean",
        ScalarType.Integer => "an integer",
        ScalarType.Float => "a number",
        _ => "a string",
    };

    public bool IsNull => IsPlain && PlainType == ScalarType.Null;

    /// <summary>The YAML 1.2 core-schema type of the scalar (quoted scalars are strings).</summary>
    public ScalarType PlainType => !IsPlain ? ScalarType.String : Value switch
    {
        "" or "~" or "null" or "Null" or "NULL" => ScalarType.Null,
        "true" or "True" or "TRUE" or "false" or "False" or "FALSE" => ScalarType.Boolean,
        _ when IntegerPattern().IsMatch(Value) => ScalarType.Integer,
        _ when FloatPattern().IsMatch(Value) => ScalarType.Float,
        _ => ScalarType.String,
    };

    public override object? ToPlain() => PlainType switch
    {
        ScalarType.Null => null,
        ScalarType.Boolean => Value is "true" or "True" or "TRUE",
        ScalarType.Integer => ParseInteger(Value),
        ScalarType.Float => ParseFloat(Value),
        _ => Value,
    };

    /// <summary>Decimal, <c>0x</c> hexadecimal or <c>0o</c> octal (core schema); beyond 64 bits the value becomes a double.</summary>
    private static object ParseInteger(string text)
    {
        if (text.Length > 2 && text[0] == '0' && text[1] is 'x' or 'o')
        {
            var radix = text[1] == 'x' ? 16 : 8;
            var value = System.Numerics.BigInteger.Zero;
            foreach (var digit in text.AsSpan(2))
            {
                value = (value * radix) + Convert.ToInt32(digit.ToString(), 16);
            }

            return value <= long.MaxValue ? (object)(long)value : (double)value;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
            ? (object)l
            : double.Parse(text, CultureInfo.InvariantCulture);
    }

    private static double ParseFloat(string text) => text.ToLowerInvariant() switch
    {
        ".inf" or "+.inf" => double.PositiveInfinity,
        "-.inf" => double.NegativeInfinity,
        ".nan" => double.NaN,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    [GeneratedRegex(@"^([-+]?[0-9]+|0x[0-9a-fA-F]+|0o[0-7]+)$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")]
    private static partial Regex FloatPattern();
}
