using Harrier.Core.Yaml;

namespace Harrier.Core.Flows;

/// <summary>A trigger declared by a flow, validated against its type.</summary>
public sealed record TriggerDefinition(string Id, string Type, YMapping Node)
{
    public bool Disabled { get; init; }

    /// <summary>The trigger read for the scheduler (Schedule, ScheduleOnDates, Webhook, Flow); null for other types.</summary>
    public Triggers.TriggerModel? Model { get; init; }
}
