using Harrier.Core.Executions;
using Harrier.Core.Flows;

namespace Harrier.Core.Engine.Planning;

/// <summary>
/// Evaluates the few expressions the executor needs (runIf, If's condition, ForEach's values). The planner
/// stays pure: this is its only window on the expression language, and tests may give a table.
/// </summary>
public interface IPlanEvaluator
{
    /// <summary>
    /// Evaluates <paramref name="template"/> for <paramref name="taskRun"/>; throws with a message on error.
    /// <paramref name="taskRunVariables"/> are added to <c>taskrun</c> (ForEachItem's <c>taskrun.items</c> and <c>taskrun.iteration</c>).
    /// </summary>
    object? Evaluate(string template, PlanningSnapshot snapshot, TaskDefinition task, TaskRun taskRun, IReadOnlyDictionary<string, object?>? taskRunVariables = null);
}
