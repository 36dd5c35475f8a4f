using Harrier.Core.Logs;
using Harrier.Core.Tasks.Running;
using Harrier.Core.Time;

namespace Harrier.Core.Tasks.Core;

/// <summary><c>io.kestra.plugin.core.flow.Sleep</c>: waits <c>duration</c> (cancellable: kill and timeout end it).</summary>
public sealed class SleepTask : IRunnableTask
{
    public async Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var duration = context.Properties.Duration("duration") ?? TimeSpan.Zero;
        // Kestra's Sleep logs this line too, and log.Fetch counts it (Kestra's get-log test flow expects 3 lines).
        context.Logger.Log(TaskLogLevel.Info, $"Waiting for {IsoDuration.ToIso(duration)}");
        await Task.Delay(duration, context.Time, cancellationToken).ConfigureAwait(false);
        return TaskOutcome.Success();
    }
}
