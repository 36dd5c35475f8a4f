using Harrier.Core.Engine.Planning;
using Harrier.Core.Tasks.Running;

namespace Harrier.Core.Tasks.Core;

/// <summary><c>io.kestra.plugin.core.execution.Fail</c>: fails with <c>errorMessage</c>, when <c>condition</c> (if any) is truthy.</summary>
public sealed class FailTask : IRunnableTask
{
    public Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var properties = context.Properties;
        if (properties.Has("condition") && !Truth.IsTruthy(properties.Value("condition")))
        {
            return Task.FromResult(TaskOutcome.Success());
        }

        return Task.FromResult(TaskOutcome.Failure(properties.String("errorMessage") ?? "Task failure"));
    }
}
