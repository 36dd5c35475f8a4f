namespace Harrier.Core.Tasks.Types;

/// <summary>Declarations of the basic triggers; flows may carry them, Harrier's scheduler comes later.</summary>
public static class CoreTriggerTypes
{
    private static IReadOnlyList<PropertyDescriptor> Common =>
    [
        Prop.String("id", "Trigger id.", required: true) with { Dynamic = false },
        Prop.String("type", "Trigger type.", required: true) with { Dynamic = false },
        Prop.String("description", "Markdown description.") with { Dynamic = false },
        Prop.Boolean("disabled", "A disabled trigger starts nothing.", false) with { Dynamic = false },
        Prop.Any("conditions", "Conditions that must hold."),
        Prop.StringList("stopAfter", "States after which the trigger disables itself."),
        Prop.Enum("logLevel", "Lowest level of logs kept.", null, "TRACE", "DEBUG", "INFO", "WARN", "ERROR"),
        Prop.Map("workerGroup", "Worker group."),
        Prop.Map("inputs", "Inputs of the executions started."),
        Prop.Any("labels", "Labels of the executions started."),
    ];

    public static IReadOnlyList<TaskTypeDescriptor> All { get; } =
    [
        new("io.kestra.plugin.core.trigger.Schedule", TaskKind.Trigger,
        [
            .. Common,
            Prop.String("cron", "Cron expression (5 fields, or 6 with withSeconds).", required: true),
            Prop.Boolean("withSeconds", "The cron expression has a seconds field.", false),
            Prop.String("timezone", "Time zone of the cron expression.", defaultValue: "Etc/UTC"),
            Prop.Map("backfill", "Backfill window."),
            Prop.Duration("lateMaximumDelay", "Skip schedules later than this."),
            Prop.Enum("recoverMissedSchedules", "What to do with missed schedules.", "ALL", "LAST", "NONE", "ALL"),
        ]) { Aliases = ["io.kestra.core.models.triggers.types.Schedule"] },
        new("io.kestra.plugin.core.trigger.Flow", TaskKind.Trigger, [.. Common, Prop.Any("preconditions", "Flows and states to wait for.")])
        { Aliases = ["io.kestra.core.models.triggers.types.Flow"] },
        new("io.kestra.plugin.core.trigger.Webhook", TaskKind.Trigger, [.. Common, Prop.String("key", "Secret part of the webhook URL.", required: true)])
        { Aliases = ["io.kestra.core.models.triggers.types.Webhook"] },
    ];
}
