namespace Harrier.Core.Expressions.Ast;

/// <summary>A filter or function: its parameter names (for named arguments) and how many are required.</summary>
internal sealed class Callable(string name, string[] parameters, int required, CallBody body)
{
    public string Name { get; } = name;

    public string[] Parameters { get; } = parameters;

    public int Required { get; } = required;

    public CallBody Body { get; } = body;

    /// <summary>Filters that must see an undefined input rather than fail on it (<c>default</c>).</summary>
    public bool ToleratesUndefinedInput { get; init; }
}
