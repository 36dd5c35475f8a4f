namespace Harrier.Core.Expressions;

/// <summary>
/// Variables visible to a template. Child contexts (for-loop bodies, <c>{% set %}</c> targets) hold only
/// their own few variables and look the rest up in the parent chain, so nothing is ever copied.
/// </summary>
public sealed class TemplateContext
{
    private static readonly IReadOnlyDictionary<string, object?> NoVariables = new Dictionary<string, object?>();
    private Dictionary<string, object?>? _locals;

    public TemplateContext(IReadOnlyDictionary<string, object?> variables, IExpressionServices? services = null)
    {
        Variables = variables;
        Services = services ?? EnvironmentExpressionServices.Instance;
    }

    private TemplateContext(TemplateContext parent)
    {
        Variables = NoVariables;
        Services = parent.Services;
        Cancellation = parent.Cancellation;
        Parent = parent;
    }

    /// <summary>
    /// Stops the rendering (an <see cref="OperationCanceledException"/> between loop iterations and prints, where the
    /// limits are checked): a task killed while its properties render ends at once, not after the time limit.
    /// </summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>The variables this context was built from (empty for child contexts).</summary>
    public IReadOnlyDictionary<string, object?> Variables { get; }

    public IExpressionServices Services { get; }

    public TemplateContext? Parent { get; }

    public TimeProvider TimeProvider => Services.TimeProvider;

    /// <summary>A scope whose assignments shadow, but never change, this context.</summary>
    public TemplateContext CreateChild() => new(this);

    /// <summary>Assigns in this scope only.</summary>
    public void Set(string name, object? value)
    {
        _locals ??= new Dictionary<string, object?>(StringComparer.Ordinal);
        _locals[name] = value;
    }

    public bool TryGetVariable(string name, out object? value)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope._locals is not null && scope._locals.TryGetValue(name, out value))
            {
                return true;
            }

            if (scope.Variables.TryGetValue(name, out value))
            {
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>Every visible name, nearest scope first; used for "did you mean" hints only.</summary>
    public IEnumerable<string> VisibleNames()
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope._locals is not null)
            {
                foreach (var key in scope._locals.Keys)
                {
                    yield return key;
                }
            }

            foreach (var pair in scope.Variables)
            {
                yield return pair.Key;
            }
        }
    }
}
