using Harrier.Core.Logs;
using Harrier.Core.Tasks.Running;

namespace Harrier.Core.Tasks.Core;

/// <summary><c>io.kestra.plugin.core.log.Log</c>: writes <c>message</c> (a text or a list) at <c>level</c>.</summary>
public sealed class LogTask : IRunnableTask
{
    public Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var properties = context.Properties;
        var levelText = properties.String("level") ?? "INFO";
        if (!TaskLogLevels.TryParse(levelText, out var level))
        {
            throw new TaskFailedException($"{context.Task.Path}.level: '{levelText}' is not one of TRACE, DEBUG, INFO, WARN, ERROR");
        }

        foreach (var message in properties.StringList("message") ?? [])
        {
            context.Logger.Log(level, message);
        }

        return Task.FromResult(TaskOutcome.Success());
    }
}
