using Harrier.Core.Expressions;

namespace Harrier.Core.Rendering;

/// <summary>The variables an expression sees, plus the services behind functions such as <c>read()</c>.</summary>
public sealed record RenderScope(IReadOnlyDictionary<string, object?> Variables)
{
    /// <summary>Storage, secrets and error logs for functions; null where none are available.</summary>
    public IExpressionServices? Services { get; init; }

    /// <summary>Stops a rendering under way (see <see cref="TemplateContext.Cancellation"/>): a task's kill, its lease lost, shutdown.</summary>
    public CancellationToken Cancellation { get; init; }

    public RenderScope With(string name, object? value)
    {
        var variables = new Dictionary<string, object?>(Variables, StringComparer.Ordinal) { [name] = value };
        return this with { Variables = variables };
    }
}
