using Harrier.Core.Tasks.Types;

namespace Harrier.Core.Tasks.FlowStates;

/// <summary>
/// Declarations of Kestra's deprecated state tasks (<c>io.kestra.plugin.core.state.Set|Get|Delete</c>, superseded by the
/// KV store): a named JSON map kept between executions of a flow — or of a namespace — per <c>taskrun.value</c>.
/// </summary>
public static class StateTaskTypes
{
    public const string Set = "io.kestra.plugin.core.state.Set";
    public const string Get = "io.kestra.plugin.core.state.Get";
    public const string Delete = "io.kestra.plugin.core.state.Delete";

    private static IReadOnlyList<PropertyDescriptor> Common =>
    [
        Prop.String("name", "The state's name.", defaultValue: "default"),
        Prop.Boolean("namespace", "Share the state across the flows of the namespace (by default it is the flow's own).", false),
        Prop.Boolean("taskrunValue", "Keep one state per taskrun.value (each ForEach iteration its own).", true),
    ];

    private static PropertyDescriptor ErrorOnMissing => Prop.Boolean("errorOnMissing", "Fail when the state does not exist.", false);

    public static IReadOnlyList<TaskTypeDescriptor> All { get; } =
    [
        new(Set, TaskKind.Runnable, [.. Common, Prop.Map("data", "Entries merged into the state (a map).")])
        {
            Aliases = ["io.kestra.core.tasks.states.Set"],
            Description = "Merge entries into a state kept between executions (deprecated in Kestra: use the KV store); outputs `count`, `key`.",
        },
        new(Get, TaskKind.Runnable, [.. Common, ErrorOnMissing])
        {
            Aliases = ["io.kestra.core.tasks.states.Get"],
            Description = "Read a state kept between executions (deprecated in Kestra: use the KV store); outputs `data`, `count`.",
        },
        new(Delete, TaskKind.Runnable, [.. Common, ErrorOnMissing])
        {
            Aliases = ["io.kestra.core.tasks.states.Delete"],
            Description = "Delete a state kept between executions (deprecated in Kestra: use the KV store); output `deleted`.",
        },
    ];
}
