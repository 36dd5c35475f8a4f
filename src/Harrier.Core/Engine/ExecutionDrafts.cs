using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Inputs;

namespace Harrier.Core.Engine;

/// <summary>A new execution of a flow for an engine, not stored yet, SECRET inputs sealed (shared by submissions, triggers and Subflows).</summary>
internal static class ExecutionDrafts
{
    public const string CorrelationLabel = "system.correlationId";

    /// <summary>
    /// Every execution carries Kestra's <c>system.correlationId</c>: the one it was given (a Subflow's parent, a replay's
    /// original, a trigger), else its own id.
    /// </summary>
    public static IReadOnlyList<FlowLabel> WithCorrelation(IReadOnlyList<FlowLabel> labels, string executionId) =>
        labels.Any(l => l.Key == CorrelationLabel) ? labels : [.. labels, new FlowLabel(CorrelationLabel, executionId)];

    public static Execution New(EngineServices services, FlowDefinition flow, IReadOnlyDictionary<string, object?> inputs, string executionId, ExecutionTrigger? trigger) => new()
    {
        Id = executionId,
        Namespace = flow.Namespace,
        FlowId = flow.Id,
        FlowRevision = flow.Revision,
        State = State.Created,
        Inputs = SecretInputs.Seal(flow, inputs, services.SecretCipher),
        Labels = WithCorrelation(flow.Labels, executionId),
        CreatedAt = services.Time.GetUtcNow(),
        FlowSource = flow.Source,
        FlowSourceId = FlowSources.IdOf(flow.Source),
        FlowFile = flow.SourceFile,
        Owner = services.Options.Owner,
        Trigger = trigger,
        ConcurrencyLimit = flow.Concurrency?.Limit,
        ConcurrencyBehavior = flow.Concurrency?.Behavior,
    };
}
