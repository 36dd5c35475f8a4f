namespace Harrier.Core.Tasks.Types;

/// <summary>The properties every task accepts (spec §11.5), declared once.</summary>
public static class CommonTaskProperties
{
    public static PropertyDescriptor Retry { get; } = new("retry", PropertyKind.Object)
    {
        Description = "Retries of a failed attempt: constant, exponential or random waits.",
        Dynamic = false,
        Fields =
        [
            Prop.Enum("type", "constant, exponential or random.", null, "constant", "exponential", "random") with { Required = true, Dynamic = false },
            Prop.Duration("interval", "Wait between attempts (constant, exponential).") with { Dynamic = false },
            Prop.Duration("maxInterval", "Longest wait (exponential, random).") with { Dynamic = false },
            Prop.Duration("minInterval", "Shortest wait (random).") with { Dynamic = false },
            Prop.Number("delayFactor", "Growth factor of exponential waits (default 2).") with { Dynamic = false },
            Prop.Integer("maxAttempts", "Total attempts, the first included.") with { Aliases = ["maxAttempt"], Dynamic = false },
            Prop.Duration("maxDuration", "No new attempt after this much time since the first one started.") with { Dynamic = false },
            Prop.Boolean("warningOnRetry", "End in WARNING when success needed more than one attempt.", false) with { Dynamic = false },
            Prop.Enum("behavior", "RETRY_FAILED_TASK or CREATE_NEW_EXECUTION.", "RETRY_FAILED_TASK", "RETRY_FAILED_TASK", "CREATE_NEW_EXECUTION") with { Dynamic = false },
        ],
    };

    public static IReadOnlyList<PropertyDescriptor> All { get; } =
    [
        Prop.String("id", "Unique identifier of the task in the flow.", required: true) with { Dynamic = false },
        Prop.String("type", "The task type, e.g. io.kestra.plugin.scripts.python.Script.", required: true) with { Dynamic = false },
        Prop.String("description", "Markdown description.") with { Dynamic = false },
        Prop.Duration("timeout", "Longest time an attempt may run (ISO-8601, e.g. PT5M); the task is killed and FAILED after it."),
        Retry,
        Prop.Boolean("disabled", "A disabled task gets no task run at all.", false) with { Dynamic = false },
        Prop.Boolean("allowFailure", "A failure becomes WARNING and the flow goes on.", false) with { Dynamic = false },
        Prop.Boolean("allowWarning", "A WARNING becomes SUCCESS.", false) with { Dynamic = false },
        Prop.String("runIf", "Expression; when it renders falsy the task is SKIPPED.", defaultValue: "true"),
        Prop.Enum("logLevel", "Lowest level of task logs kept.", null, "TRACE", "DEBUG", "INFO", "WARN", "ERROR") with { Dynamic = false },
        Prop.Boolean("logToFile", "Accepted for compatibility; logs are always stored line by line.", false) with { Dynamic = false, Deprecated = true },
        new PropertyDescriptor("workerGroup", PropertyKind.Object)
        {
            Description = "Run on workers of this group (key), with a fallback behaviour.",
            Dynamic = false,
            Fields =
            [
                Prop.String("key", "Worker group key."),
                Prop.Enum("fallback", "What to do when no worker of the group is up.", "WAIT", "WAIT", "FAIL", "CANCEL"),
            ],
        },
        new PropertyDescriptor("taskCache", PropertyKind.Object) { Description = "Accepted for compatibility; not implemented yet.", OpenObject = true, Dynamic = false },
        Prop.String("pluginDefaultsRef", "Accepted for compatibility.") with { Dynamic = false },
        Prop.String("version", "Plugin version; accepted for compatibility.") with { Dynamic = false },
    ];
}
