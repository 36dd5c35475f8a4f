using Harrier.Core.Tasks.Types;

namespace Harrier.Core.Flows.Loading;

/// <summary>The top-level keys of a flow document (spec §11.1), declared once.</summary>
public static class FlowProperties
{
    public static IReadOnlyList<PropertyDescriptor> All { get; } =
    [
        Prop.String("id", "Flow id, unique in its namespace.", required: true) with { Dynamic = false },
        Prop.String("namespace", "Dot-separated namespace, e.g. company.team.", required: true) with { Dynamic = false },
        Prop.String("description", "Markdown description.") with { Dynamic = false },
        Prop.Integer("revision", "Revision number (managed by the server).") with { Dynamic = false },
        Prop.String("tenantId", "Tenant (accepted for compatibility).") with { Dynamic = false },
        Prop.Boolean("deleted", "Accepted for compatibility.") with { Dynamic = false },
        new PropertyDescriptor("labels", PropertyKind.Any) { Description = "Labels: a map, or a list of {key, value}.", Dynamic = false },
        new PropertyDescriptor("inputs", PropertyKind.Any) { Description = "Inputs of the flow.", Dynamic = false },
        Prop.Map("variables", "Variables, referenced as {{ vars.name }}.") with { Dynamic = false },
        Prop.Tasks("tasks", "Tasks run one after another.", required: true),
        Prop.Tasks("errors", "Tasks run when a task fails."),
        Prop.Tasks("finally", "Tasks always run at the end."),
        Prop.Tasks("afterExecution", "Tasks run after the execution ended."),
        new PropertyDescriptor("outputs", PropertyKind.Any) { Description = "Flow outputs: a list of {id, type, value}.", Dynamic = false },
        new PropertyDescriptor("pluginDefaults", PropertyKind.Any) { Description = "Default property values per task type.", Dynamic = false, Aliases = ["taskDefaults"] },
        new PropertyDescriptor("triggers", PropertyKind.Any) { Description = "Triggers that start executions.", Dynamic = false },
        CommonTaskProperties.Retry,
        Prop.Boolean("disabled", "A disabled flow starts no execution.", false) with { Dynamic = false },
        Prop.Object("concurrency", "Limit running executions of this flow.",
            Prop.Integer("limit", "Most executions running at once.") with { Required = true, Dynamic = false },
            Prop.Enum("behavior", "What happens past the limit.", "QUEUE", "QUEUE", "CANCEL", "FAIL") with { Dynamic = false }),
        new PropertyDescriptor("sla", PropertyKind.Any) { Description = "SLAs: a list of {id, type: MAX_DURATION | EXECUTION_ASSERTION, behavior: FAIL | CANCEL | NONE, duration | assert, labels}.", Dynamic = false },
        new PropertyDescriptor("checks", PropertyKind.Any) { Description = "Accepted for compatibility.", Dynamic = false },
    ];
}
