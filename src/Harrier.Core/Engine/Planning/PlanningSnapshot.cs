using Harrier.Core.Executions;
using Harrier.Core.Flows;

namespace Harrier.Core.Engine.Planning;

/// <summary>
/// Everything a planning pass reads: the flow, the execution and the task runs known so far. The executor gives a
/// partial view (unfinished and recently changed runs); whatever a pass needs beyond it comes back as misses in the
/// plan, to be read and planned again (see <see cref="ExecutionPlan.IsComplete"/>).
/// </summary>
public sealed record PlanningSnapshot(FlowDefinition Flow, Execution Execution, IReadOnlyList<TaskRun> TaskRuns)
{
    /// <summary>True when <see cref="PlanningSnapshot.TaskRuns"/> holds every task run of the execution (tests): nothing is ever missing.</summary>
    public bool Complete { get; init; } = true;

    /// <summary>Task run identities read from the store and found absent.</summary>
    public IReadOnlySet<TaskRunKey> Absent { get; init; } = new HashSet<TaskRunKey>();

    /// <summary>ForEach values read so far, by ForEach task run id and index.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<int, string>> Values { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<int, string>>(StringComparer.Ordinal);

    /// <summary>True when <see cref="TaskRuns"/> holds every task run with outputs, so expressions may read <c>outputs</c>.</summary>
    public bool OutputsLoaded { get; init; }

    /// <summary>Child executions read so far (a Subflow's), by id; a null value was read and found absent.</summary>
    public IReadOnlyDictionary<string, Execution?> Children { get; init; } = new Dictionary<string, Execution?>(StringComparer.Ordinal);
}
