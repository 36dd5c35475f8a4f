using System.Collections.Frozen;
using Harrier.Core.Expressions.Ast;
using Harrier.Core.Expressions.Filters;

namespace Harrier.Core.Expressions.Functions;

/// <summary>Every built-in function by name.</summary>
internal static class FunctionRegistry
{
    public static FrozenDictionary<string, Callable> All { get; } = Build();

    private static FrozenDictionary<string, Callable> Build()
    {
        var functions = new Dictionary<string, Callable>(StringComparer.Ordinal);
        ValueFunctions.Register(functions);
        ContextFunctions.Register(functions);
        return functions.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
