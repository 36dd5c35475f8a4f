namespace Harrier.Core.Expressions.Ast;

/// <summary>
/// Evaluated arguments of a filter or function call, already in parameter order (named arguments were mapped
/// to positions at compile time). A parameter that was not passed reads as missing.
/// </summary>
internal readonly struct Arguments(object?[] values)
{
    public static readonly object Missing = new();

    public int Count => values.Length;

    public object? this[int index] => Has(index) ? values[index] : null;

    public bool Has(int index) => index < values.Length && !ReferenceEquals(values[index], Missing);

    public string Text(int index, string fallback) => Has(index) ? ValueText.ToText(values[index]) : fallback;

    public string? TextOrNull(int index) => Has(index) && values[index] is not null ? ValueText.ToText(values[index]) : null;

    public long Long(int index, long fallback) => Has(index) ? ExpressionValues.ToLong(values[index]) : fallback;

    public bool Bool(int index, bool fallback) => Has(index) ? ExpressionValues.IsTruthy(values[index]) : fallback;
}
