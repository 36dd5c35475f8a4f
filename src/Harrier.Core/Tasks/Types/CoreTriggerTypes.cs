namespace Harrier.Core.Tasks.Types;

/// <summary>
/// Declarations of the core triggers, which <c>harrier server</c>'s scheduler fires (Harrier.Core.Triggers reads their
/// meaning; these descriptors check their shape and document them in the JSON Schema).
/// </summary>
public static class CoreTriggerTypes
{
    private static IReadOnlyList<PropertyDescriptor> Common =>
    [
        Prop.String("id", "Trigger id.", required: true) with { Dynamic = false },
        Prop.String("type", "Trigger type.", required: true) with { Dynamic = false },
        Prop.String("description", "Markdown description.") with { Dynamic = false },
        Prop.Boolean("disabled", "A disabled trigger starts nothing.", false) with { Dynamic = false },
        Prop.Any("conditions", "Conditions that must hold for the trigger to start an execution."),
        Prop.StringList("stopAfter", "States of its executions after which the trigger disables itself."),
        Prop.Enum("logLevel", "Lowest level of logs kept.", null, "TRACE", "DEBUG", "INFO", "WARN", "ERROR"),
        Prop.Boolean("logToFile", "Kestra stores the trigger's logs in a file; Harrier keeps them with the trigger.", false),
        Prop.Map("workerGroup", "Worker group."),
        Prop.Map("inputs", "Inputs of the executions started (values may be expressions over the trigger's variables)."),
        Prop.Any("labels", "Labels of the executions started."),
    ];

    private static IReadOnlyList<PropertyDescriptor> Scheduled =>
    [
        Prop.String("timezone", "Time zone (IANA id) the schedule is read in; the server's zone by default."),
        Prop.Enum("recoverMissedSchedules", "What to do with slots missed while no scheduler ran.", "ALL", "ALL", "LAST", "NONE"),
    ];

    public static IReadOnlyList<TaskTypeDescriptor> All { get; } =
    [
        new("io.kestra.plugin.core.trigger.Schedule", TaskKind.Trigger,
        [
            .. Common,
            .. Scheduled,
            Prop.String("cron", "Cron expression: 5 fields (6 with withSeconds) or @hourly, @daily, @weekly, @monthly, @yearly.", required: true),
            Prop.Boolean("withSeconds", "The cron expression has a leading seconds field.", false),
            Prop.Map("backfill", "Deprecated: the first slot to fire (start); use the triggers API's backfill."),
            Prop.Duration("lateMaximumDelay", "A slot that could not fire within this delay is skipped."),
            Prop.Any("scheduleConditions", "Deprecated name of conditions."),
        ]) { Aliases = ["io.kestra.core.models.triggers.types.Schedule"] },
        new("io.kestra.plugin.core.trigger.ScheduleOnDates", TaskKind.Trigger,
        [
            .. Common,
            .. Scheduled,
            Prop.StringList("dates", "ISO 8601 dates to fire at, once each.", required: true, minItems: 1),
        ]),
        new("io.kestra.plugin.core.trigger.Flow", TaskKind.Trigger,
        [
            .. Common,
            Prop.StringList("states", "States of the other flows' executions this trigger reacts to (terminal states by default)."),
            Prop.Map("preconditions", "Upstream flows (flows) and filters (where) to be met within a time window (timeWindow)."),
            Prop.Any("dependsOn", "Upstream flows (namespace, flowId, states, labels, when) to be met within the window."),
            Prop.Map("window", "Window of dependsOn: type, window, windowAdvance, deadline, startTime, endTime, fireOnce."),
            Prop.Enum("mode", "How many dependsOn must be met.", "ALL", "ALL", "ANY", "AT_LEAST"),
            Prop.Integer("minSatisfied", "With mode AT_LEAST: how many dependsOn must be met."),
            Prop.String("when", "An expression over the ended execution that must be truthy."),
        ]) { Aliases = ["io.kestra.core.models.triggers.types.Flow"] },
        new("io.kestra.plugin.core.trigger.Webhook", TaskKind.Trigger,
        [
            .. Common,
            Prop.String("key", "Secret part of the webhook URL (at most 256 characters).", required: true),
            Prop.Boolean("wait", "Answer the call once the execution has ended.", false),
            Prop.Boolean("returnOutputs", "With wait: answer with the execution's outputs.", false),
        ]) { Aliases = ["io.kestra.core.models.triggers.types.Webhook"] },
    ];
}
