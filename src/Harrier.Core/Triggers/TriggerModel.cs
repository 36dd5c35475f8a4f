using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Triggers.Conditions;
using Harrier.Core.Yaml;

namespace Harrier.Core.Triggers;

/// <summary>
/// A trigger of a flow, typed and checked at load time (one subtype per trigger type). What every trigger has: its id,
/// whether it is disabled, its conditions, the states after which it disables itself (<c>stopAfter</c>), and the inputs
/// and labels of the executions it starts (templates, rendered with the trigger's variables when it fires).
/// </summary>
public abstract record TriggerModel(string Id, string Type)
{
    public bool Disabled { get; init; }

    public IReadOnlyList<ITriggerCondition> Conditions { get; init; } = [];

    public IReadOnlyList<State> StopAfter { get; init; } = [];

    /// <summary>The <c>inputs</c> map as written (values rendered when the trigger fires), or null.</summary>
    public YMapping? Inputs { get; init; }

    /// <summary>The <c>labels</c> as written (values rendered when the trigger fires).</summary>
    public IReadOnlyList<FlowLabel> Labels { get; init; } = [];
}

/// <summary>What a schedule does with slots missed while no scheduler ran (Kestra's <c>recoverMissedSchedules</c>).</summary>
public enum RecoverMissedSchedules
{
    /// <summary>Every missed slot fires, oldest first (Kestra's default).</summary>
    All,

    /// <summary>Only the most recent missed slot fires.</summary>
    Last,

    /// <summary>No missed slot fires; the schedule resumes at the next one.</summary>
    None,
}

/// <summary><c>io.kestra.plugin.core.trigger.Schedule</c>.</summary>
public sealed record ScheduleTrigger(string Id, Cron.CronSchedule Cron, TimeZoneInfo TimeZone) : TriggerModel(Id, TriggerTypes.Schedule)
{
    public bool WithSeconds { get; init; }

    /// <summary>A slot later than this when its turn comes is skipped (Kestra's <c>lateMaximumDelay</c>).</summary>
    public TimeSpan? LateMaximumDelay { get; init; }

    public RecoverMissedSchedules Recover { get; init; } = RecoverMissedSchedules.All;

    /// <summary>The deprecated <c>backfill.start</c>: the first slot to fire when the trigger is first seen.</summary>
    public DateTimeOffset? BackfillStart { get; init; }
}

/// <summary><c>io.kestra.plugin.core.trigger.ScheduleOnDates</c>: fires once at each listed date.</summary>
public sealed record ScheduleOnDatesTrigger(string Id, IReadOnlyList<DateTimeOffset> Dates, TimeZoneInfo TimeZone) : TriggerModel(Id, TriggerTypes.ScheduleOnDates)
{
    public RecoverMissedSchedules Recover { get; init; } = RecoverMissedSchedules.All;
}

/// <summary><c>io.kestra.plugin.core.trigger.Webhook</c>: an HTTP call with the right key starts an execution.</summary>
public sealed record WebhookTrigger(string Id, string Key) : TriggerModel(Id, TriggerTypes.Webhook)
{
    /// <summary>Answer the call once the execution ended (with its outputs when <see cref="ReturnOutputs"/>).</summary>
    public bool Wait { get; init; }

    public bool ReturnOutputs { get; init; }
}

/// <summary><c>io.kestra.plugin.core.trigger.Flow</c>: starts the flow when executions of other flows end.</summary>
public sealed record FlowTrigger(string Id) : TriggerModel(Id, TriggerTypes.Flow)
{
    /// <summary>States of the ended execution this trigger reacts to (terminal states by default).</summary>
    public IReadOnlyList<State> States { get; init; } = TriggerTypes.TerminalStates;

    /// <summary>Conditions to be met within a window (<c>preconditions</c>, <c>dependsOn</c>, MultipleCondition).</summary>
    public IReadOnlyList<Windows.WindowedConditions> Windowed { get; init; } = [];

    /// <summary>The top-level <c>when</c> expression (newest Kestra form), or null.</summary>
    public string? When { get; init; }
}
