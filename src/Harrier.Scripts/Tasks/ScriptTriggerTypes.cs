using Harrier.Core.Tasks.Types;

namespace Harrier.Scripts.Tasks;

/// <summary>
/// Declarations of the polling triggers of the script plugins (<c>…&lt;lang&gt;.ScriptTrigger</c> and
/// <c>…CommandsTrigger</c>, spec §2.8): the language task's properties plus <c>interval</c>, <c>exitCondition</c> and
/// <c>edge</c>. Flows carrying them load and validate now; they fire once Harrier has a scheduler.
/// </summary>
public static class ScriptTriggerTypes
{
    /// <summary>What every trigger takes (as the core triggers do).</summary>
    public static IReadOnlyList<PropertyDescriptor> TriggerCommon =>
    [
        Prop.String("id", "Trigger id.", required: true) with { Dynamic = false },
        Prop.String("type", "Trigger type.", required: true) with { Dynamic = false },
        Prop.String("description", "Markdown description.") with { Dynamic = false },
        Prop.Boolean("disabled", "A disabled trigger starts nothing.", false) with { Dynamic = false },
        Prop.Any("conditions", "Conditions that must hold."),
        Prop.StringList("stopAfter", "States after which the trigger disables itself."),
        Prop.Enum("logLevel", "Lowest level of logs kept.", null, "TRACE", "DEBUG", "INFO", "WARN", "ERROR"),
        Prop.Boolean("logToFile", "Store the trigger's logs in a file.", false),
        Prop.Map("workerGroup", "Worker group."),
        Prop.Map("inputs", "Inputs of the executions started."),
        Prop.Any("labels", "Labels of the executions started."),
    ];

    private static IReadOnlyList<PropertyDescriptor> Polling =>
    [
        Prop.Duration("interval", "Polling interval.", "PT60S"),
        Prop.String("exitCondition", "'exit N' matches exit code N; otherwise a pattern searched in the outputs."),
        Prop.Boolean("edge", "Fire only when the condition starts to match.", true),
    ];

    public static IReadOnlyList<TaskTypeDescriptor> All { get; } =
    [
        .. ScriptLanguageInfo.All.SelectMany(language => new[]
        {
            new TaskTypeDescriptor($"io.kestra.plugin.scripts.{language.Key}.ScriptTrigger", TaskKind.Trigger,
                [.. TriggerCommon, .. ScriptTaskTypes.PropertiesOf(language, commands: false), .. Polling])
            {
                Description = $"Run a {language.DisplayName} script on an interval; start an execution when exitCondition matches.",
                Aliases = ScriptTaskTypes.AliasesOf(language, "ScriptTrigger"),
            },
            new TaskTypeDescriptor($"io.kestra.plugin.scripts.{language.Key}.CommandsTrigger", TaskKind.Trigger,
                [.. TriggerCommon, .. ScriptTaskTypes.PropertiesOf(language, commands: true), .. Polling])
            {
                Description = $"Run {language.DisplayName} commands on an interval; start an execution when exitCondition matches.",
                Aliases = ScriptTaskTypes.AliasesOf(language, "CommandsTrigger"),
            },
        }),
    ];
}
