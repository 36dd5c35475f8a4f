using Harrier.Core.Engine.Planning;
using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Rendering;

namespace Harrier.Core.Engine.Executors;

/// <summary>The planner's evaluator on the real expression language and the real variables.</summary>
internal sealed class RendererPlanEvaluator(ITemplateRenderer renderer, EngineVariables variables) : IPlanEvaluator
{
    public object? Evaluate(string template, PlanningSnapshot snapshot, TaskDefinition task, TaskRun taskRun, IReadOnlyDictionary<string, object?>? taskRunVariables = null)
    {
        var all = variables.ForTask(snapshot.Flow, snapshot.Execution, snapshot.TaskRuns, task, taskRun);
        EngineVariables.AddToTaskRun(all, taskRun, taskRunVariables);
        var scope = new RenderScope(all);
        return renderer.Evaluate(template, scope);
    }
}
