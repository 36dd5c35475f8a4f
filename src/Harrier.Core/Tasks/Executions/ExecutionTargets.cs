using Harrier.Core.Executions;
using Harrier.Core.Store;
using Harrier.Core.Tasks.Running;

namespace Harrier.Core.Tasks.Executions;

/// <summary>
/// The execution a task acts on (log.Fetch, execution.Resume): its own by default; another one only when it belongs to
/// the flow the task names with <c>namespace</c> and <c>flowId</c> — this task's flow when they are not set — as Kestra
/// looks executions up, so a flow cannot reach into any other flow's executions by id alone.
/// </summary>
public static class ExecutionTargets
{
    public static async Task<Execution> FindAsync(TaskRunContext context, IExecutionStore executions, CancellationToken cancellationToken)
    {
        var properties = context.Properties;
        var executionId = properties.String("executionId") is { Length: > 0 } id ? id : context.Execution.Id;
        if (executionId == context.Execution.Id)
        {
            return context.Execution;
        }

        var (ns, flowId) = (properties.String("namespace") ?? context.Flow.Namespace, properties.String("flowId") ?? context.Flow.Id);
        var execution = await executions.GetExecutionAsync(executionId, cancellationToken).ConfigureAwait(false);
        return execution is not null && execution.Namespace == ns && execution.FlowId == flowId
            ? execution
            : throw new TaskFailedException($"there is no execution {executionId} of the flow {ns}.{flowId}; set namespace and flowId to reach an execution of another flow");
    }
}
