using Harrier.Core.Engine.Planning;
using Harrier.Core.Executions;
using Harrier.Core.Flows;

namespace Harrier.Core.Engine.Flowables.ForEachItem;

/// <summary>
/// A ForEachItem's child executions: their ids, how many are in each state, the state they end the run in, and the file
/// of their merged outputs (output <c>uri</c>).
/// </summary>
internal static class ItemChildren
{
    private const string Created = "CREATED";
    private const string Running = "RUNNING";

    /// <summary>The id of the child for batch <paramref name="iteration"/>: the same in every pass, in every process.</summary>
    public static string Id(TaskRun run, int iteration) => Ids.From($"{run.Id}/foreach-item/{iteration}");

    public static Dictionary<string, object?> Outputs(int count, IReadOnlyDictionary<string, long> iterations) => new(StringComparer.Ordinal)
    {
        ["numberOfBatches"] = (long)count,
        ["iterations"] = iterations.ToDictionary(e => e.Key, e => (object?)e.Value, StringComparer.Ordinal),
    };

    public static Dictionary<string, long> Started(int count) => new(StringComparer.Ordinal) { [Created] = count, [Running] = 0 };

    public static Dictionary<string, long> NotAwaited(int count) => new(StringComparer.Ordinal) { [Running] = 0, [State.Success.ToName()] = count };

    /// <summary>Counts the children by state (kills the unfinished ones when the execution is killed) and ends once all ended.</summary>
    public static ListOutcome Await(TaskDefinition task, ForEachItemSpec spec, TaskRun run, int count, IFlowableWalk walk)
    {
        var counts = Started(0);
        var outputs = new List<IReadOnlyDictionary<string, object?>?>(count);
        for (var iteration = 1; iteration <= count; iteration++)
        {
            var id = Id(run, iteration);
            var child = walk.Child(id, out var absent);
            if (absent)
            {
                throw new FlowableDecisionException($"the execution {id} that task '{task.Id}' started for batch {iteration} is gone (deleted?)");
            }

            // Null: started by this pass, or not read yet (then the pass reads it and plans again).
            var state = child?.State ?? State.Created;
            if (!state.IsTerminal() && walk.Killing && child is { KillRequestedAt: null })
            {
                // A killed execution kills the children it waits for; their ends then end this run.
                walk.KillChild(id);
            }

            outputs.Add(child?.Outputs);
            var key = state.IsTerminal() ? state.ToName() : state == State.Created ? Created : Running;
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        var latest = walk.Latest(run);
        var done = counts[Created] + counts[Running] == 0;
        if (!done)
        {
            if (!SameCounts(latest.Outputs.GetValueOrDefault("iterations"), counts))
            {
                walk.Update(latest with { Outputs = Outputs(count, counts) });
            }

            return ListOutcome.StillRunning;
        }

        var final = Outputs(count, counts);
        if (Merged(outputs) is { } text)
        {
            final["uri"] = walk.WriteFile(run, "outputs.ion", text);
        }

        walk.Update(latest with { Outputs = final });
        return ListOutcome.Done(spec.TransmitFailed ? Worst(counts) : State.Success);
    }

    /// <summary>
    /// Kestra's merged subflow outputs: one Ion struct per child, in batch order, each its flow's outputs; null when no
    /// child has outputs (its flow declares none).
    /// </summary>
    private static string? Merged(List<IReadOnlyDictionary<string, object?>?> outputs) =>
        outputs.All(o => o is null or { Count: 0 })
            ? null
            : string.Concat(outputs.Select(o => Expressions.Filters.IonWriter.Write(o ?? new Dictionary<string, object?>()) + "\n"));

    /// <summary>Kestra's order: any FAILED child fails the run, else any KILLED kills it, else any WARNING warns.</summary>
    private static State Worst(Dictionary<string, long> counts) =>
        new[] { State.Failed, State.Killed, State.Warning }.FirstOrDefault(s => counts.GetValueOrDefault(s.ToName()) > 0, State.Success);

    private static bool SameCounts(object? stored, Dictionary<string, long> counts) =>
        stored is IReadOnlyDictionary<string, object?> map && map.Count == counts.Count
        && counts.All(e => map.TryGetValue(e.Key, out var value) && value is long n && n == e.Value);
}
