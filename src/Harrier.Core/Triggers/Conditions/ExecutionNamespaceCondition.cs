namespace Harrier.Core.Triggers.Conditions;

/// <summary>How <see cref="ExecutionNamespaceCondition"/> compares namespaces.</summary>
public enum NamespaceComparison
{
    Equals,
    Prefix,
    Suffix,
}

/// <summary><c>ExecutionNamespace</c>: the ended execution's namespace equals (starts with, ends with) <see cref="Namespace"/>.</summary>
public sealed record ExecutionNamespaceCondition(string Namespace, NamespaceComparison Comparison) : ITriggerCondition
{
    public string Type => "ExecutionNamespace";

    public bool Test(ConditionScope scope) => scope.Execution is { } execution && Comparison switch
    {
        NamespaceComparison.Prefix => execution.Namespace.StartsWith(Namespace, StringComparison.Ordinal),
        NamespaceComparison.Suffix => execution.Namespace.EndsWith(Namespace, StringComparison.Ordinal),
        _ => execution.Namespace == Namespace,
    };
}
