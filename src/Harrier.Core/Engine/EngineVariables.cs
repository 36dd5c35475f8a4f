using System.Globalization;
using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Inputs;

namespace Harrier.Core.Engine;

/// <summary>
/// Builds the variables expressions see (spec §11.3): <c>flow</c>, <c>execution</c>, <c>inputs</c>,
/// <c>outputs</c>, <c>vars</c>, <c>labels</c>, <c>envs</c>, <c>globals</c>, and for a task <c>task</c>,
/// <c>taskrun</c>, <c>parent</c>, <c>parents</c>.
/// </summary>
public sealed class EngineVariables(IReadOnlyDictionary<string, object?> envs, IReadOnlyDictionary<string, object?> globals, SecretInputCipher? secrets = null)
{
    /// <summary>Worker environment variables with the <c>ENV_</c> prefix, lower-cased without it (Kestra ≥0.23).</summary>
    public static IReadOnlyDictionary<string, object?> EnvsFrom(System.Collections.IDictionary environment)
    {
        var envs = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in environment)
        {
            if (entry.Key is string key && key.StartsWith("ENV_", StringComparison.Ordinal) && key.Length > 4)
            {
                envs[key[4..].ToLowerInvariant()] = entry.Value as string;
            }
        }

        return envs;
    }

    /// <summary>Variables of the execution alone (flow outputs, flow-level conditions).</summary>
    public DeferredVariableDictionary ForExecution(FlowDefinition flow, Execution execution, IReadOnlyList<TaskRun> taskRuns)
    {
        var variables = new DeferredVariableDictionary();
        variables.Set("flow", new Dictionary<string, object?>
        {
            ["id"] = flow.Id,
            ["namespace"] = flow.Namespace,
            ["revision"] = (long)flow.Revision,
            ["tenantId"] = null,
        });
        variables.Set("execution", new Dictionary<string, object?>
        {
            ["id"] = execution.Id,
            ["startDate"] = Iso(execution.StartDate ?? execution.CreatedAt),
            ["originalId"] = execution.OriginalId ?? execution.Id,
            ["state"] = execution.State.ToName(),
        });
        // SECRET inputs are stored sealed; expressions see them in clear (and the log masker hides them again).
        variables.Defer("inputs", () => secrets is null ? execution.Inputs : SecretInputs.Open(flow, execution.Inputs, secrets));
        variables.Defer("outputs", () => Flowables.ForEachItem.ItemOutputAliases.Add(flow, OutputsOf(taskRuns)));
        variables.Set("vars", flow.Variables);
        variables.Set("labels", LabelVariables(execution.Labels));
        variables.Set("envs", envs);
        variables.Set("globals", globals);
        if (execution.Trigger is { } trigger)
        {
            // What a schedule, a webhook or another flow's end put there (trigger.date, trigger.body, trigger.executionId…).
            variables.Set("trigger", trigger.Variables);
        }

        return variables;
    }

    /// <summary>Variables for one task run: the execution's plus the task, the task run and its flowable parents.</summary>
    public DeferredVariableDictionary ForTask(FlowDefinition flow, Execution execution, IReadOnlyList<TaskRun> taskRuns, TaskDefinition task, TaskRun taskRun)
    {
        var variables = ForExecution(flow, execution, taskRuns);
        variables.Set("task", new Dictionary<string, object?> { ["id"] = task.Id, ["type"] = task.Type });
        var own = TaskRunVariables(taskRun);
        if (EnclosingWorkingDirectory(flow, taskRun, taskRuns) is { } workingDirectory)
        {
            // As in Kestra: the tasks of a WorkingDirectory run inside its worker task, which they see as `workerTaskrun`,
            // and they take its value (the ForEach iteration it runs in) as their own.
            var worker = TaskRunVariables(workingDirectory);
            variables.Set("workerTaskrun", worker);
            if (worker["value"] is not null)
            {
                own["value"] = worker["value"];
            }
        }

        variables.Set("taskrun", own);
        var parents = ParentsOf(taskRun, taskRuns);
        if (parents.Count > 0)
        {
            variables.Set("parent", parents[0]);
            variables.Set("parents", parents);
        }

        return variables;
    }

    /// <summary>Adds <paramref name="extra"/> to <c>taskrun</c> (ForEachItem's <c>taskrun.items</c>, <c>taskrun.iteration</c>); nothing when null.</summary>
    public static void AddToTaskRun(DeferredVariableDictionary variables, TaskRun taskRun, IReadOnlyDictionary<string, object?>? extra)
    {
        if (extra is null)
        {
            return;
        }

        var values = TaskRunVariables(taskRun);
        foreach (var (key, value) in extra)
        {
            values[key] = value;
        }

        variables.Set("taskrun", values);
    }

    public static Dictionary<string, object?> TaskRunVariables(TaskRun taskRun) => new(StringComparer.Ordinal)
    {
        ["id"] = taskRun.Id,
        ["startDate"] = Iso(taskRun.Attempts.Count > 0 ? taskRun.Attempts[^1].StartDate : taskRun.CreatedAt),
        ["attemptsCount"] = (long)Math.Max(0, taskRun.Attempts.Count - 1),
        ["parentId"] = taskRun.ParentTaskRunId,
        ["value"] = taskRun.Value,
        ["iteration"] = taskRun.Iteration is { } i ? (long)i : null,
    };

    /// <summary>
    /// <c>outputs.taskId</c> for task runs with outputs; task runs inside a ForEach are keyed by their value
    /// (<c>outputs.taskId['value']</c>), one level per enclosing ForEach iteration (<see cref="TaskRun.OutputPath"/>), as in Kestra.
    /// </summary>
    public static Dictionary<string, object?> OutputsOf(IReadOnlyList<TaskRun> taskRuns)
    {
        var outputs = new Dictionary<string, object?>(StringComparer.Ordinal);
        // Oldest first, so that where a task ran several times at one place (WaitFor's iterations) the latest run wins
        // whatever order the runs were read in (a planning pass reads them in several batches). The sort is stable.
        foreach (var run in taskRuns.Where(r => r.Outputs.Count > 0).OrderBy(r => r.CreatedAt))
        {

            var path = run.OutputPath;
            if (path.Count == 0)
            {
                outputs[run.TaskId] = run.Outputs;
                continue;
            }

            if (outputs.GetValueOrDefault(run.TaskId) is not Dictionary<string, object?> level)
            {
                outputs[run.TaskId] = level = new Dictionary<string, object?>(StringComparer.Ordinal);
            }

            for (var i = 0; i < path.Count - 1; i++)
            {
                if (level.GetValueOrDefault(path[i]) is not Dictionary<string, object?> next)
                {
                    level[path[i]] = next = new Dictionary<string, object?>(StringComparer.Ordinal);
                }

                level = next;
            }

            level[path[^1]] = run.Outputs;
        }

        return outputs;
    }

    /// <summary>The run of the nearest WorkingDirectory around <paramref name="taskRun"/>, or null outside one.</summary>
    private static TaskRun? EnclosingWorkingDirectory(FlowDefinition flow, TaskRun taskRun, IReadOnlyList<TaskRun> taskRuns)
    {
        var parentId = taskRun.ParentTaskRunId;
        while (parentId is not null && taskRuns.FirstOrDefault(t => t.Id == parentId) is { } parent)
        {
            if (flow.FindTask(parent.TaskId)?.Type == Tasks.Types.CoreTaskTypes.WorkingDirectory)
            {
                return parent;
            }

            parentId = parent.ParentTaskRunId;
        }

        return null;
    }

    private static List<object?> ParentsOf(TaskRun taskRun, IReadOnlyList<TaskRun> taskRuns)
    {
        var parents = new List<object?>();
        var parentId = taskRun.ParentTaskRunId;
        while (parentId is not null && taskRuns.FirstOrDefault(t => t.Id == parentId) is { } parent)
        {
            parents.Add(new Dictionary<string, object?>
            {
                ["taskrun"] = TaskRunVariables(parent),
                ["outputs"] = parent.Outputs,
            });
            parentId = parent.ParentTaskRunId;
        }

        return parents;
    }

    // Milliseconds, as Kestra renders its dates (taskrun.startDate, execution.startDate, trigger.date).
    private static string Iso(DateTimeOffset date) => Logs.KestraLogEntries.Milliseconds(date);

    /// <summary>
    /// The <c>labels</c> variable: each label by its key, and Kestra's <c>system.*</c> labels also under <c>system</c>
    /// (<c>labels.system.correlationId</c>, as Kestra's expressions read them).
    /// </summary>
    private static Dictionary<string, object?> LabelVariables(IReadOnlyList<FlowLabel> labels)
    {
        var variables = labels.GroupBy(l => l.Key).ToDictionary(g => g.Key, g => (object?)g.Last().Value, StringComparer.Ordinal);
        var system = labels.Where(l => l.Key.StartsWith("system.", StringComparison.Ordinal))
            .GroupBy(l => l.Key["system.".Length..])
            .ToDictionary(g => g.Key, g => (object?)g.Last().Value, StringComparer.Ordinal);
        if (system.Count > 0 && !variables.ContainsKey("system"))
        {
            variables["system"] = system;
        }

        return variables;
    }
}
