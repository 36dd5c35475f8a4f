using Harrier.Core.Yaml;

namespace Harrier.Core.Flows;

/// <summary>An immutable, validated flow (spec §11.1). Every part remembers where it was written.</summary>
public sealed record FlowDefinition
{
    public required string Id { get; init; }

    public required string Namespace { get; init; }

    public string? Description { get; init; }

    public int Revision { get; init; } = 1;

    public IReadOnlyList<FlowLabel> Labels { get; init; } = [];

    public IReadOnlyList<InputDefinition> Inputs { get; init; } = [];

    /// <summary>Flow <c>variables</c> as plain data; not rendered recursively (use <c>render(vars.x)</c>).</summary>
    public IReadOnlyDictionary<string, object?> Variables { get; init; } = new Dictionary<string, object?>();

    public required IReadOnlyList<TaskDefinition> Tasks { get; init; }

    public IReadOnlyList<TaskDefinition> Errors { get; init; } = [];

    public IReadOnlyList<TaskDefinition> Finally { get; init; } = [];

    public IReadOnlyList<FlowOutputDefinition> Outputs { get; init; } = [];

    public IReadOnlyList<TriggerDefinition> Triggers { get; init; } = [];

    public RetryPolicy? Retry { get; init; }

    public bool Disabled { get; init; }

    public ConcurrencyDefinition? Concurrency { get; init; }

    /// <summary>The flow's SLAs (<c>sla</c>), checked by the executor while an execution runs.</summary>
    public IReadOnlyList<SlaDefinition> Sla { get; init; } = [];

    /// <summary>The file the flow came from (for messages), and its text (stored with executions).</summary>
    public required string SourceFile { get; init; }

    public required string Source { get; init; }

    /// <summary>Every task of the flow, in all lists and at every depth.</summary>
    public IEnumerable<TaskDefinition> AllTasks() =>
        Tasks.Concat(Errors).Concat(Finally).SelectMany(t => t.DescendantsAndSelf());

    /// <summary>The task with this id anywhere in the flow, from an index built once per flow (ids are unique in a flow).</summary>
    public TaskDefinition? FindTask(string id) => TaskIndex.Of(this).GetValueOrDefault(id);
}
