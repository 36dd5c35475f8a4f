using Harrier.Core.Tasks.Running;

namespace Harrier.Core.Tasks.Core;

/// <summary><c>io.kestra.plugin.core.flow.Sleep</c>: waits <c>duration</c> (cancellable: kill and timeout end it).</summary>
public sealed class SleepTask : IRunnableTask
{
    public async Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var duration = context.Properties.Duration("duration") ?? TimeSpan.Zero;
        await Task.Delay(duration, context.Time, cancellationToken).ConfigureAwait(false);
        return TaskOutcome.Success();
    }
}
