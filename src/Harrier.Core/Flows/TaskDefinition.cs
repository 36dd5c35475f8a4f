using Harrier.Core.Logs;
using Harrier.Core.Tasks.Types;
using Harrier.Core.Yaml;

namespace Harrier.Core.Flows;

/// <summary>
/// One task of a flow, after plugin defaults. Common properties are typed; the type's own properties stay
/// as YAML nodes (with positions) in <see cref="Node"/>, rendered when the task runs.
/// </summary>
public sealed record TaskDefinition
{
    public required string Id { get; init; }

    /// <summary>The canonical type name (aliases and short names resolved).</summary>
    public required string Type { get; init; }

    public required TaskTypeDescriptor Descriptor { get; init; }

    /// <summary>The whole task node, plugin defaults merged in.</summary>
    public required YMapping Node { get; init; }

    /// <summary>Where the task sits: <c>tasks[2].then[0]</c>.</summary>
    public required string Path { get; init; }

    public string? Description { get; init; }

    /// <summary>The timeout as written (it may be an expression); see <see cref="Timeout"/> for the parsed value.</summary>
    public string? TimeoutText { get; init; }

    /// <summary>The timeout when written as a literal duration.</summary>
    public TimeSpan? Timeout { get; init; }

    public RetryPolicy? Retry { get; init; }

    public bool Disabled { get; init; }

    public bool AllowFailure { get; init; }

    public bool AllowWarning { get; init; }

    public string? RunIf { get; init; }

    public TaskLogLevel? LogLevel { get; init; }

    /// <summary><c>workerGroup.key</c>: only workers started with this group run the task (null: the default group).</summary>
    public string? WorkerGroup { get; init; }

    /// <summary><c>workerGroup.fallback</c>: what happens while the group has no live worker (default WAIT).</summary>
    public WorkerGroupFallback WorkerGroupFallback { get; init; }

    /// <summary>A flowable's own properties, typed at load (null for a runnable task).</summary>
    public Engine.Flowables.FlowableSpec? Flowable { get; init; }

    /// <summary>Child task lists by property name (<c>tasks</c>, <c>then</c>, <c>else</c>, <c>errors</c>, <c>finally</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<TaskDefinition>> Children { get; init; } =
        new Dictionary<string, IReadOnlyList<TaskDefinition>>();

    public SourcePosition Position => Node.Position;

    public bool IsFlowable => Descriptor.Kind == TaskKind.Flowable;

    /// <summary>Whether this task's expressions may read <c>outputs</c> (see <see cref="OutputReads"/>).</summary>
    public bool ReadsOutputs => OutputReads.Of(Node);

    /// <summary>A declared property's node, looked up by its name or one of its aliases.</summary>
    public YNode? Property(string name)
    {
        var descriptor = Descriptor.FindProperty(name);
        if (descriptor is null)
        {
            return Node[name];
        }

        foreach (var entry in Node.Entries)
        {
            if (descriptor.Matches(entry.Key.Value))
            {
                return entry.Value;
            }
        }

        return null;
    }

    public IReadOnlyList<TaskDefinition> ChildList(string name) =>
        Children.TryGetValue(name, out var list) ? list : [];

    /// <summary>This task and every task below it, depth first.</summary>
    public IEnumerable<TaskDefinition> DescendantsAndSelf()
    {
        yield return this;
        foreach (var list in Children.Values)
        {
            foreach (var child in list)
            {
                foreach (var descendant in child.DescendantsAndSelf())
                {
                    yield return descendant;
                }
            }
        }
    }
}
