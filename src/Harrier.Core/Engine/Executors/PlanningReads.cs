using Harrier.Core.Engine.Planning;
using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Store;

namespace Harrier.Core.Engine.Executors;

/// <summary>
/// Plans an execution from the partial view the store gives a pass (unfinished and recently changed task runs), reading
/// whatever else the planner says it missed — task runs by identity, ForEach values, outputs — and planning again,
/// until the plan is complete. A step of a long sequential flow usually settles in one round.
/// </summary>
internal sealed class PlanningReads(IExecutionStore store, ExecutionPlanner planner)
{
    /// <summary>Rounds after which a pass gives up: each round reads at least one thing, and flows nest far less deep.</summary>
    private const int MaxRounds = 64;

    /// <summary>ForEach values read at once from the first one missed: the next iterations will ask for them.</summary>
    private const int ValueWindow = 64;

    public async Task<ExecutionPlan> PlanAsync(FlowDefinition flow, Execution execution, PlanningRead read, CancellationToken cancellationToken)
    {
        var runs = new List<TaskRun>(read.Unfinished.Count + read.Changed.Count);
        runs.AddRange(read.Unfinished);
        runs.AddRange(read.Changed);
        var absent = new HashSet<TaskRunKey>();
        var values = new Dictionary<string, IReadOnlyDictionary<int, string>>(StringComparer.Ordinal);
        var outputsLoaded = false;
        var children = new Dictionary<string, Execution?>(StringComparer.Ordinal);
        for (var round = 0; round < MaxRounds; round++)
        {
            var plan = planner.Plan(new PlanningSnapshot(flow, execution, runs)
            {
                Complete = false,
                Absent = absent,
                Values = values,
                OutputsLoaded = outputsLoaded,
                Children = children,
            });
            if (plan.IsComplete)
            {
                return plan;
            }

            if (plan.MissingTaskRuns.Count > 0)
            {
                var found = await store.FindTaskRunsAsync(execution.Id, plan.MissingTaskRuns, cancellationToken).ConfigureAwait(false);
                runs.AddRange(found);
                var foundKeys = found.Select(run => run.Key).ToHashSet();
                absent.UnionWith(plan.MissingTaskRuns.Where(key => !foundKeys.Contains(key)));
            }

            foreach (var (taskRunId, index, last) in plan.MissingValues.GroupBy(m => m.TaskRunId).Select(g => (g.Key, g.Min(m => m.Index), g.Max(m => m.Index))))
            {
                // Every value the pass missed in one read, and a window beyond for the iterations to come.
                var read_ = await store.GetForEachValuesAsync(taskRunId, index, last - index + 1 + ValueWindow, cancellationToken).ConfigureAwait(false);
                var known = values.TryGetValue(taskRunId, out var existing) ? new Dictionary<int, string>(existing) : [];
                for (var i = 0; i < read_.Count; i++)
                {
                    known[index + i] = read_[i];
                }

                values[taskRunId] = known;
            }

            foreach (var childId in plan.MissingChildren)
            {
                children[childId] = await store.GetExecutionAsync(childId, cancellationToken).ConfigureAwait(false);
            }

            if (plan.NeedsOutputs)
            {
                runs.AddRange(await store.GetTaskRunsWithOutputsAsync(execution.Id, cancellationToken).ConfigureAwait(false));
                outputsLoaded = true;
            }
        }

        throw new InvalidOperationException($"planning did not settle after {MaxRounds} rounds of reads; this is a bug in Harrier's planner");
    }
}
