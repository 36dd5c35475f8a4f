namespace Harrier.Core.Tasks.Types;

/// <summary>
/// A task (or runner, or trigger) type: its canonical Kestra name, the other names it answers to, and
/// every property it takes. Common task properties (<see cref="CommonTaskProperties"/>) are added by the
/// registry to every task type.
/// </summary>
public sealed record TaskTypeDescriptor(string Type, TaskKind Kind, IReadOnlyList<PropertyDescriptor> Properties)
{
    /// <summary>Legacy full names (<c>io.kestra.core.tasks.log.Log</c>).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    public string Description { get; init; } = "";

    /// <summary>The simple class name, e.g. <c>Script</c> or <c>Log</c>.</summary>
    public string SimpleName => Type[(Type.LastIndexOf('.') + 1)..];

    public PropertyDescriptor? FindProperty(string name)
    {
        foreach (var property in Properties)
        {
            if (property.Matches(name))
            {
                return property;
            }
        }

        return null;
    }
}
