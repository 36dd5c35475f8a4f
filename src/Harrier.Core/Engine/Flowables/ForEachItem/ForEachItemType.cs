using Harrier.Core.Tasks.Types;

namespace Harrier.Core.Engine.Flowables.ForEachItem;

/// <summary>Declaration of <c>io.kestra.plugin.core.flow.ForEachItem</c>.</summary>
public static class ForEachItemType
{
    public const string Type = "io.kestra.plugin.core.flow.ForEachItem";

    public static TaskTypeDescriptor Descriptor { get; } = new(Type, TaskKind.Flowable,
    [
        Prop.String("items", "The file to split into batches, a storage URI ({{ outputs.task.uri }}, a FILE input).", required: true),
        // Kestra's precedence, not a choice of one: bytes, then partitions, then rows (which defaults to 1).
        Prop.Object("batch", "How to cut the file: bytes, else partitions, else rows (default 1 row per batch).",
            Prop.Integer("rows", "Lines per batch.", 1),
            Prop.String("bytes", "Start a new batch once one holds this size or more (10MB, 500KB or a number of bytes)."),
            Prop.Integer("partitions", "Deal the lines round-robin into this many batches."),
            Prop.String("separator", "Written after every line.", defaultValue: "\n")),
        Prop.String("namespace", "Namespace of the flow to start for each batch.", required: true),
        Prop.String("flowId", "Id of the flow to start for each batch.", required: true),
        Prop.Integer("revision", "Revision to start (default: the latest)."),
        Prop.Map("inputs", "Inputs of each child execution, rendered per batch with taskrun.items (the batch file) and taskrun.iteration (1-based)."),
        Prop.Any("labels", "Labels of the child executions: a map, or a list of {key, value}."),
        Prop.Boolean("inheritLabels", "Give the children this execution's labels too.", false) with { Dynamic = false },
        Prop.Boolean("wait", "Wait for every child's end.", true) with { Dynamic = false },
        Prop.Boolean("transmitFailed", "A child ending FAILED, KILLED or WARNING ends this task so (the worst of them).", true) with { Dynamic = false },
        Prop.String("scheduleDate", "Kestra: start the children at a later date. Refused by Harrier."),
        Prop.Tasks("errors", "Tasks run when a child fails."),
        Prop.Tasks("finally", "Tasks always run after the children."),
    ])
    {
        Aliases = ["io.kestra.core.tasks.flows.ForEachItem"],
        Description = "Split a file into batches of lines and start one execution of another flow per batch.",
    };
}
