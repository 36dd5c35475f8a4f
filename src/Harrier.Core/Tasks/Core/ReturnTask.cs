using Harrier.Core.Tasks.Running;

namespace Harrier.Core.Tasks.Core;

/// <summary><c>io.kestra.plugin.core.debug.Return</c>: renders <c>format</c> and returns it as output <c>value</c>.</summary>
public sealed class ReturnTask : IRunnableTask
{
    public Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var value = context.Properties.String("format");
        return Task.FromResult(TaskOutcome.Success(new Dictionary<string, object?> { ["value"] = value }));
    }
}
