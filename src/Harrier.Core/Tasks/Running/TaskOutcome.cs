using Harrier.Core.Executions;
using Harrier.Core.Metrics;

namespace Harrier.Core.Tasks.Running;

/// <summary>What an attempt produced. A failed attempt keeps its outputs (a script's outputs printed before it failed).</summary>
public sealed record TaskOutcome(State State)
{
    public IReadOnlyDictionary<string, object?> Outputs { get; init; } = new Dictionary<string, object?>();

    public IReadOnlyList<MetricEntry> Metrics { get; init; } = [];

    /// <summary>
    /// A worker-side flowable's iteration values (ForEachItem: the URIs of its batch files), stored as its decision's
    /// values with the run's result, for the executor to plan from. Null for every other task.
    /// </summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>Why the attempt failed, logged at ERROR by the worker.</summary>
    public string? Error { get; init; }

    public static TaskOutcome Success(IReadOnlyDictionary<string, object?>? outputs = null) =>
        new(State.Success) { Outputs = outputs ?? new Dictionary<string, object?>() };

    public static TaskOutcome Failure(string error, IReadOnlyDictionary<string, object?>? outputs = null) =>
        new(State.Failed) { Error = error, Outputs = outputs ?? new Dictionary<string, object?>() };
}
