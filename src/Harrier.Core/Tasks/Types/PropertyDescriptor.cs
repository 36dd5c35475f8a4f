namespace Harrier.Core.Tasks.Types;

/// <summary>
/// One property of a task type, declared once: validation, documentation and the editor read this.
/// </summary>
public sealed record PropertyDescriptor(string Name, PropertyKind Kind)
{
    public bool Required { get; init; }

    /// <summary>The default as plain data (null when none); documentation only, tasks apply their defaults.</summary>
    public object? Default { get; init; }

    /// <summary>Whether <c>{{ … }}</c> expressions are rendered in this property.</summary>
    public bool Dynamic { get; init; } = true;

    public string Description { get; init; } = "";

    public IReadOnlyList<string> EnumValues { get; init; } = [];

    /// <summary>Fields of an <see cref="PropertyKind.Object"/> property.</summary>
    public IReadOnlyList<PropertyDescriptor> Fields { get; init; } = [];

    /// <summary>Whether an object property accepts fields it does not declare.</summary>
    public bool OpenObject { get; init; }

    /// <summary>Older names that mean the same property (<c>maxAttempt</c> for <c>maxAttempts</c>).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>For lists: the least number of items.</summary>
    public int MinItems { get; init; }

    /// <summary>Accepted for compatibility; has no effect or is superseded.</summary>
    public bool Deprecated { get; init; }

    public bool Matches(string name) => Name == name || Aliases.Contains(name);
}
