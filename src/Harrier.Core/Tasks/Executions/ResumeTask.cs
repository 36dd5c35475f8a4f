using Harrier.Core.Executions;
using Harrier.Core.Executions.Resumes;
using Harrier.Core.Flows;
using Harrier.Core.Store;
using Harrier.Core.Tasks.Running;
using Harrier.Core.Tasks.Types;

namespace Harrier.Core.Tasks.Executions;

/// <summary>
/// <c>io.kestra.plugin.core.execution.Resume</c>: resumes a PAUSED execution (of the flow named by <c>namespace</c> and
/// <c>flowId</c>, this one by default), its <c>inputs</c> checked against the Pause's <c>onResume</c> — what the API's
/// resume does. Fails naming why when the execution is not paused or a value is invalid.
/// </summary>
public sealed class ResumeTask(IExecutionStore store, IPauseResumes resumes, Func<Execution, CancellationToken, Task<FlowDefinition?>> flowOf) : IRunnableTask
{
    public const string Type = "io.kestra.plugin.core.execution.Resume";

    public static TaskTypeDescriptor Descriptor { get; } = new(Type, TaskKind.Runnable,
    [
        Prop.String("executionId", "The paused execution to resume (default: this one, paused in another branch)."),
        Prop.String("namespace", "Namespace of that execution's flow (default: this flow's)."),
        Prop.String("flowId", "Id of that execution's flow (default: this flow's)."),
        Prop.Map("inputs", "Values of the Pause's onResume inputs."),
    ])
    {
        Aliases = ["io.kestra.core.tasks.executions.Resume"],
        Description = "Resume a paused execution, with its onResume inputs.",
    };

    public async Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var execution = await ExecutionTargets.FindAsync(context, store, cancellationToken).ConfigureAwait(false);
        var flow = await flowOf(execution, cancellationToken).ConfigureAwait(false)
            ?? throw new TaskFailedException($"the flow document execution {execution.Id} ran no longer loads; it cannot be resumed");
        var inputs = context.Properties.Value("inputs") as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();
        var result = await new PauseResumer(store, resumes).ResumeAsync(execution, flow, inputs, cancellationToken).ConfigureAwait(false);
        foreach (var warning in result.Warnings)
        {
            context.Logger.Log(Logs.TaskLogLevel.Warn, warning);
        }

        return result.Resumed ? TaskOutcome.Success(new Dictionary<string, object?>()) : throw new TaskFailedException(string.Join("; ", result.Errors));
    }
}
