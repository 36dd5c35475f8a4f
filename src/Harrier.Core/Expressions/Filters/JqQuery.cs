using System.Collections.Concurrent;

namespace Harrier.Core.Expressions.Filters;

/// <summary>
/// A compiled jq program. Supported subset: <c>.</c>, <c>.a.b</c>, <c>.["a"]</c>, <c>.[0]</c>, <c>.[-1]</c>,
/// <c>.[]</c>, <c>.a[]</c>, optional <c>?</c>, pipes <c>|</c>, commas, <c>[ … ]</c> collection, parentheses,
/// literals, comparisons (<c>== != &lt; &lt;= &gt; &gt;=</c>), <c>and</c>/<c>or</c>, and the builtins
/// keys, length, values, first, last, not, type, tostring, tonumber, add, select(f), map(f).
/// The result is always the list of every output, as Kestra's jq filter returns.
/// </summary>
internal sealed class JqQuery
{
    private static readonly ConcurrentDictionary<string, JqQuery> Cache = new(StringComparer.Ordinal);
    private readonly Func<object?, IEnumerable<object?>> _program;

    private JqQuery(Func<object?, IEnumerable<object?>> program)
    {
        _program = program;
    }

    public static JqQuery Compile(string expression) =>
        Cache.GetOrAdd(expression, text => new JqQuery(new JqParser(text).ParseProgram()));

    public List<object?> Run(object? input)
    {
        var results = new List<object?>();
        foreach (var output in _program(ExpressionValues.Normalize(input)))
        {
            results.Add(output);
        }

        return results;
    }
}
