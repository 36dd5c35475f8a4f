using Harrier.Core.Engine;
using Harrier.Core.Engine.Planning;
using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Rendering;

namespace Harrier.Core.Tests.Engine.Planning;

/// <summary>The planner's evaluator on the real template renderer and the real engine variables; counts its calls.</summary>
internal sealed class RenderingPlanEvaluator : IPlanEvaluator
{
    private static readonly TemplateRenderer Renderer = new();
    private readonly EngineVariables _variables = new(new Dictionary<string, object?>(), new Dictionary<string, object?>());

    public int Calls { get; private set; }

    public object? Evaluate(string template, PlanningSnapshot snapshot, TaskDefinition task, TaskRun taskRun, IReadOnlyDictionary<string, object?>? taskRunVariables = null)
    {
        Calls++;
        var variables = _variables.ForTask(snapshot.Flow, snapshot.Execution, snapshot.TaskRuns, task, taskRun);
        EngineVariables.AddToTaskRun(variables, taskRun, taskRunVariables);
        var scope = new RenderScope(variables);
        return Renderer.Evaluate(template, scope);
    }
}
