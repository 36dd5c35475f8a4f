using Harrier.Core.Executions;
using Harrier.Core.Logs;
using Harrier.Core.Rendering;
using Harrier.Core.Tasks.Running;
using Harrier.Core.Time;

namespace Harrier.Core.Engine.Workers;

/// <summary>
/// Runs a task implementation under its timeout and the execution's kill signal, and turns every way it
/// can end into an outcome: timeouts fail with Kestra's <c>Timeout after HH:mm:ss.SSS</c>, kills end KILLED,
/// user errors are logged without stack traces.
/// </summary>
internal sealed class GuardedTaskExecution(EngineServices services, CancellationToken kill, CancellationToken shutdown)
{
    /// <summary>Runs the task; what it produced is stored with its known secrets masked.</summary>
    public async Task<TaskOutcome> RunAsync(TaskRunContext context) =>
        OutcomeSecrets.Mask(await RunUnmaskedAsync(context).ConfigureAwait(false), context.Secrets);

    private async Task<TaskOutcome> RunUnmaskedAsync(TaskRunContext context)
    {
        var task = context.Task;
        using var timeout = new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(kill, shutdown, timeout.Token);
        TimeSpan? limit = null;
        try
        {
            limit = task.Timeout ?? (task.TimeoutText is null ? null : context.Properties.Duration("timeout"));
            if (limit is { } duration)
            {
                timeout.CancelAfter(duration);
            }

            var implementation = services.Implementations.Create(task.Type)
                ?? throw new TaskFailedException($"task type '{task.Type}' has no implementation in this Harrier build yet");
            var outcome = await implementation.RunAsync(context, linked.Token).ConfigureAwait(false);
            if (outcome.Error is not null)
            {
                context.Logger.Log(TaskLogLevel.Error, outcome.Error);
            }

            return outcome;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !kill.IsCancellationRequested)
        {
            var message = $"Timeout after {IsoDuration.ToClock(limit ?? TimeSpan.Zero)}";
            context.Logger.Log(TaskLogLevel.Error, message);
            return new TaskOutcome(State.Failed) { Error = message };
        }
        catch (OperationCanceledException) when (kill.IsCancellationRequested || shutdown.IsCancellationRequested)
        {
            context.Logger.Log(TaskLogLevel.Warn, "Task killed");
            return new TaskOutcome(State.Killed);
        }
        catch (Exception ex) when (ex is TaskFailedException or RenderFailedException)
        {
            context.Logger.Log(TaskLogLevel.Error, ex.Message);
            return TaskOutcome.Failure(ex.Message);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var message = $"{ex.GetType().Name}: {ex.Message}";
            context.Logger.Log(TaskLogLevel.Error, message);
            return TaskOutcome.Failure(message);
        }
    }
}
