namespace Harrier.Core.Tasks.Running;

/// <summary>Maps canonical task types to the code that runs them. Each assembly contributes its own.</summary>
public sealed class TaskImplementations
{
    private readonly Dictionary<string, Func<IRunnableTask>> _factories = new(StringComparer.Ordinal);

    public TaskImplementations Add(string type, Func<IRunnableTask> factory)
    {
        _factories[type] = factory;
        return this;
    }

    public IRunnableTask? Create(string type) => _factories.TryGetValue(type, out var factory) ? factory() : null;

    public bool Has(string type) => _factories.ContainsKey(type);
}
