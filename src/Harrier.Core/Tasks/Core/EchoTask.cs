using Harrier.Core.Logs;
using Harrier.Core.Tasks.Running;

namespace Harrier.Core.Tasks.Core;

/// <summary><c>io.kestra.plugin.core.debug.Echo</c>: renders <c>format</c> and logs it at <c>level</c> (Kestra's older Log).</summary>
public sealed class EchoTask : IRunnableTask
{
    public Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var levelText = context.Properties.String("level") ?? "INFO";
        if (!TaskLogLevels.TryParse(levelText, out var level))
        {
            throw new TaskFailedException($"{context.Task.Path}.level: '{levelText}' is not one of TRACE, DEBUG, INFO, WARN, ERROR");
        }

        context.Logger.Log(level, context.Properties.String("format") ?? "");
        return Task.FromResult(TaskOutcome.Success());
    }
}
