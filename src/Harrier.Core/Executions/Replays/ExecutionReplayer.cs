using Harrier.Core.Engine;
using Harrier.Core.Flows;
using Harrier.Core.Storage;
using Harrier.Core.Store;

namespace Harrier.Core.Executions.Replays;

/// <summary>
/// Replays an ended execution from one of its task runs: decides it (<see cref="ReplayPlanner"/>), copies the files it
/// keeps, then stores the new execution with its copied runs in one transaction; the executors' wake-up is in the same
/// commit, so whichever executor is up plans it.
/// </summary>
public sealed class ExecutionReplayer(IExecutionStore store, IExecutionRestarts restarts, IFileStorage? files, TimeProvider time)
{
    public async Task<ReplayDecision> FromTaskRunAsync(Execution original, FlowDefinition flow, string taskRunId, CancellationToken cancellationToken)
    {
        var runs = await store.GetTaskRunsAsync(original.Id, cancellationToken).ConfigureAwait(false);
        var decision = ReplayPlanner.Plan(flow, original, runs, taskRunId, Ids.New(), time.GetUtcNow());
        if (decision.Replay is { } replay)
        {
            await CopyAsync(replay.Files, cancellationToken).ConfigureAwait(false);
            // The id is new: the store refuses only an id it already has, which a fresh one cannot be.
            await restarts.ReplayAsync(replay, cancellationToken).ConfigureAwait(false);
        }

        return decision;
    }

    /// <summary>The inputs of a replay of the whole execution as <paramref name="newExecutionId"/>, its input files copied there.</summary>
    public async Task<IReadOnlyDictionary<string, object?>> InputsForWholeAsync(Execution original, string newExecutionId, CancellationToken cancellationToken)
    {
        var map = ReplayFileMap.Whole(original, newExecutionId);
        await CopyAsync(map, cancellationToken).ConfigureAwait(false);
        return map.Rewrite(original.Inputs);
    }

    private Task CopyAsync(ReplayFileMap map, CancellationToken cancellationToken) =>
        files is null ? Task.CompletedTask : ReplayFiles.CopyAsync(files, map, cancellationToken);
}
