using Harrier.Core.Tasks.Types;
using Harrier.Core.Yaml;

namespace Harrier.Core.Flows.Loading;

/// <summary>
/// Kestra's deprecated <c>EachSequential</c> and <c>EachParallel</c>, still accepted by Kestra: each is a ForEach under
/// another name — <c>value</c> for <c>values</c> (a list or a JSON list text), one iteration at a time for EachSequential,
/// <c>concurrent</c> at a time (0: all) for EachParallel. They are validated with their own properties, then read as
/// the ForEach they are, so they run exactly as ForEach runs (<c>{{ taskrun.value }}</c>, outputs by value).
/// </summary>
internal static class LegacyEachTasks
{
    public const string EachSequential = "io.kestra.plugin.core.flow.EachSequential";
    public const string EachParallel = "io.kestra.plugin.core.flow.EachParallel";

    private static PropertyDescriptor Value => Prop.Any("value", "A list (or JSON list text) of values; each runs the tasks once.", required: true);

    public static IReadOnlyList<TaskTypeDescriptor> All { get; } =
    [
        new(EachSequential, TaskKind.Flowable,
        [
            Value, Prop.Tasks("tasks", "Tasks run for every value, one value at a time.", required: true),
            Prop.Tasks("errors", "Tasks run when a child fails."), Prop.Tasks("finally", "Tasks always run after the children."),
        ]) { Aliases = ["io.kestra.core.tasks.flows.EachSequential"], Description = "Deprecated in Kestra: ForEach with concurrencyLimit 1." },
        new(EachParallel, TaskKind.Flowable,
        [
            Value, Prop.Integer("concurrent", "How many values run at once; 0 means all.", 0) with { Dynamic = false },
            Prop.Tasks("tasks", "Tasks run for every value at the same time.", required: true),
            Prop.Tasks("errors", "Tasks run when a child fails."), Prop.Tasks("finally", "Tasks always run after the children."),
        ]) { Aliases = ["io.kestra.core.tasks.flows.EachParallel"], Description = "Deprecated in Kestra: ForEach with concurrencyLimit = concurrent." },
    ];

    /// <summary>The node as a ForEach (type, values, concurrencyLimit); other types unchanged.</summary>
    public static YMapping AsForEach(YMapping node, string type)
    {
        if (type is not (EachSequential or EachParallel))
        {
            return node;
        }

        var limit = type == EachSequential ? "1" : node["concurrent"] is YScalar { IsNull: false } concurrent ? concurrent.Value : "0";
        var entries = new List<YEntry>();
        foreach (var entry in node.Entries)
        {
            switch (entry.Key.Value)
            {
                case "type":
                    entries.Add(new YEntry(entry.Key, new YScalar(CoreTaskTypes.ForEach, true, entry.Value.Position)));
                    break;
                case "value":
                    entries.Add(new YEntry(entry.Key with { Value = "values" }, entry.Value));
                    break;
                case "concurrent":
                    break;
                default:
                    entries.Add(entry);
                    break;
            }
        }

        entries.Add(new YEntry(new YScalar("concurrencyLimit", true, node.Position), new YScalar(limit, true, node.Position)));
        return node with { Entries = entries };
    }
}
