using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Store.Triggers;
using Harrier.Server.Api.Executions;

namespace Harrier.Server.Api.Triggers;

/// <summary>
/// Kestra's trigger context: where the scheduler stands with one trigger. <see cref="Date"/> is the last slot fired,
/// <see cref="NextExecutionDate"/> the next one considered, <see cref="Disabled"/> whether it fires nothing (the API's
/// override, else the flow's own <c>disabled</c>). Harrier adds <see cref="Type"/> and <see cref="LastError"/>, why the
/// last evaluation started nothing.
/// </summary>
public sealed record ApiTriggerContext(string Namespace, string FlowId, string TriggerId, string Type)
{
    public DateTime? Date { get; init; }

    public DateTime? NextExecutionDate { get; init; }

    public ApiBackfill? Backfill { get; init; }

    public IReadOnlyList<string>? StopAfter { get; init; }

    public string? ExecutionId { get; init; }

    public DateTime? UpdatedDate { get; init; }

    public bool Disabled { get; init; }

    public string? LastError { get; init; }

    public static ApiTriggerContext From(TriggerState state, TriggerDefinition? definition) => new(state.Key.Namespace, state.Key.FlowId, state.Key.TriggerId, state.Type)
    {
        Date = state.LastDate?.UtcDateTime,
        NextExecutionDate = state.NextDate?.UtcDateTime,
        Backfill = state.Backfill is { } b ? new ApiBackfill(b.Start.UtcDateTime, b.End.UtcDateTime, b.Current.UtcDateTime, b.Paused, b.Inputs, [.. b.Labels.Select(l => new ApiLabel(l.Key, l.Value))]) : null,
        StopAfter = definition?.Model is { StopAfter.Count: > 0 } model ? [.. model.StopAfter.Select(s => s.ToName())] : null,
        ExecutionId = state.LastExecutionId,
        UpdatedDate = state.UpdatedAt.UtcDateTime,
        Disabled = state.Disabled ?? definition?.Disabled ?? false,
        LastError = state.LastError,
    };
}

/// <summary>A running backfill: every slot from start to end fires once, in order; <see cref="CurrentDate"/> is the next.</summary>
public sealed record ApiBackfill(DateTime Start, DateTime End, DateTime CurrentDate, bool Paused, IReadOnlyDictionary<string, object?> Inputs, IReadOnlyList<ApiLabel> Labels);

/// <summary>An item of <c>GET /triggers/search</c>: the trigger as the flow declares it, and its context.</summary>
public sealed record ApiTriggerItem(IReadOnlyDictionary<string, object?>? AbstractTrigger, ApiTriggerContext TriggerContext);
