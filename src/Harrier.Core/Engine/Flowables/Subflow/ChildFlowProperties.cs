using Harrier.Core.Engine.Planning;
using Harrier.Core.Executions;
using Harrier.Core.Flows;

namespace Harrier.Core.Engine.Flowables.Subflow;

/// <summary>
/// The properties that name and label a child execution, read the same way by every task that starts one (Subflow,
/// ForEachItem): <c>namespace</c>, <c>flowId</c>, <c>revision</c>, <c>labels</c>.
/// </summary>
internal static class ChildFlowProperties
{
    /// <summary>A property naming the flow to start, rendered; empty fails the run.</summary>
    public static string Text(TaskDefinition task, TaskRun run, string property, IFlowableWalk walk) =>
        walk.Evaluate(task, run, property) is { } value && PlainText.Of(value) is { Length: > 0 } text
            ? text
            : throw new FlowableDecisionException($"{property} of task '{task.Id}' rendered empty; it names the flow to start");

    public static int? Revision(TaskDefinition task, TaskRun run, IFlowableWalk walk) => walk.Evaluate(task, run, "revision") switch
    {
        null => null,
        long number when number is > 0 and <= int.MaxValue => (int)number,
        string text when int.TryParse(text, out var number) && number > 0 => number,
        var value => throw new FlowableDecisionException($"revision of task '{task.Id}' must be a positive whole number, found '{PlainText.Of(value)}'"),
    };

    /// <summary>Labels as a map (<c>key: value</c>) or Kestra's list of <c>{key, value}</c>.</summary>
    public static IReadOnlyList<FlowLabel> Labels(TaskDefinition task, TaskRun run, IFlowableWalk walk) => walk.EvaluateAll(task, run, "labels") switch
    {
        IReadOnlyDictionary<string, object?> map => [.. map.Select(e => new FlowLabel(e.Key, PlainText.Of(e.Value)))],
        IEnumerable<object?> list => [.. list.OfType<IReadOnlyDictionary<string, object?>>()
            .Where(l => l.ContainsKey("key"))
            .Select(l => new FlowLabel(PlainText.Of(l["key"]), PlainText.Of(l.GetValueOrDefault("value"))))],
        _ => [],
    };
}
