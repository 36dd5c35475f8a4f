using System.Collections.Frozen;
using Harrier.Core.Expressions.Ast;

namespace Harrier.Core.Expressions.Filters;

/// <summary>Every built-in filter by name (case-sensitive, like Pebble).</summary>
internal static class FilterRegistry
{
    public static FrozenDictionary<string, Callable> All { get; } = Build();

    private static FrozenDictionary<string, Callable> Build()
    {
        var filters = new Dictionary<string, Callable>(StringComparer.Ordinal);
        TextFilters.Register(filters);
        SubstringFilters.Register(filters);
        EncodingFilters.Register(filters);
        CollectionFilters.Register(filters);
        NumberFilters.Register(filters);
        DateFilters.Register(filters);
        DataFormatFilters.Register(filters);
        return filters.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static void Add(this Dictionary<string, Callable> into, string name, string[] parameters, int required, CallBody body) =>
        into.Add(name, new Callable(name, parameters, required, body));

    /// <summary>The piped value as text; null input is an error because strict templates should not hide it.</summary>
    public static string Text(object? input, string filter) => input switch
    {
        null => throw new ExpressionException($"the input is null"),
        _ => ValueText.ToText(input),
    };
}
