using Harrier.Core.Executions;

namespace Harrier.Core.Triggers;

/// <summary>The trigger types Harrier's scheduler fires, by Kestra's names.</summary>
public static class TriggerTypes
{
    public const string Schedule = "io.kestra.plugin.core.trigger.Schedule";
    public const string ScheduleOnDates = "io.kestra.plugin.core.trigger.ScheduleOnDates";
    public const string Webhook = "io.kestra.plugin.core.trigger.Webhook";
    public const string Flow = "io.kestra.plugin.core.trigger.Flow";

    /// <summary>The states a Flow trigger reacts to unless told otherwise.</summary>
    public static readonly IReadOnlyList<State> TerminalStates =
        [State.Success, State.Warning, State.Failed, State.Killed, State.Cancelled, State.Skipped, State.Retried];

    public static bool IsScheduled(string type) => type is Schedule or ScheduleOnDates;
}
