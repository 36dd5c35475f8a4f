using Harrier.Core.Engine.Planning;
using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Rendering;

namespace Harrier.Core.Engine.Executors;

/// <summary>
/// The planner's evaluator on the real expression language and the real variables, with the functions that read the
/// engine's state as tasks have them: <c>kv()</c> (an If's condition, a runIf, a ForEach's values may read the KV store, as
/// in Kestra) and <c>errorLogs()</c> (the execution's ERROR lines, read only when called). A flowable's decision is stored
/// once made, so what these read at that moment stays what it decided.
/// </summary>
internal sealed class RendererPlanEvaluator(ITemplateRenderer renderer, EngineVariables variables, EngineServices services) : IPlanEvaluator
{
    public object? Evaluate(string template, PlanningSnapshot snapshot, TaskDefinition task, TaskRun taskRun, IReadOnlyDictionary<string, object?>? taskRunVariables = null)
    {
        var all = variables.ForTask(snapshot.Flow, snapshot.Execution, snapshot.TaskRuns, task, taskRun);
        EngineVariables.AddToTaskRun(all, taskRun, taskRunVariables);
        var execution = snapshot.Execution;
        var scope = new RenderScope(all)
        {
            Services = new Expressions.EnvironmentExpressionServices(services.Time)
            {
                KeyValues = services.KeyValues,
                ErrorLogSource = () => Workers.ErrorLogs.Read(services.Logs, snapshot.Flow, execution.Id),
            },
        };
        return renderer.Evaluate(template, scope);
    }
}
