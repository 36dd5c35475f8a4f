using Harrier.Core.Engine.Planning;
using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Logs;
using Harrier.Core.Rendering;
using Harrier.Core.Tasks.Running;

namespace Harrier.Core.Engine.Workers;

/// <summary>
/// Runs the children of a worker-side flowable one at a time on this worker, each as a task run of its own;
/// <c>runIf</c> and retries are applied here (retries wait in place: the shared directory must stay put).
/// The token given to <see cref="RunAsync"/> is the group's (kill, timeout, shutdown); results are stored under
/// <paramref name="shutdown"/> only, so a child stopped by its group never stays RUNNING or RETRYING.
/// </summary>
internal sealed class ChildTaskRunner(AttemptRunner runner, FlowDefinition flow, Execution execution, TaskRun parent, CancellationToken shutdown) : IChildTaskRunner
{
    public async Task<TaskRun> RunAsync(TaskDefinition child, string workingDirectory, CancellationToken cancellationToken)
    {
        var services = runner.Services;
        var taskRun = new TaskRun
        {
            Id = Ids.New(),
            ExecutionId = execution.Id,
            TaskId = child.Id,
            ParentTaskRunId = parent.Id,
            Value = parent.Value,
            Iteration = parent.Iteration,
            State = State.Created,
            CreatedAt = services.Time.GetUtcNow(),
        };
        await services.Store.SaveTaskRunAsync(taskRun, cancellationToken).ConfigureAwait(false);
        if (!await ShouldRunAsync(child, taskRun, cancellationToken).ConfigureAwait(false))
        {
            var skipped = taskRun with { State = State.Skipped, EndDate = services.Time.GetUtcNow() };
            await services.Store.SaveTaskRunAsync(skipped, cancellationToken).ConfigureAwait(false);
            return skipped;
        }

        for (var attempt = 0; ; attempt++)
        {
            var request = new AttemptRequest(flow, execution, child, taskRun, attempt) { SharedWorkingDirectory = workingDirectory };
            var (stored, retryAt) = await runner.RunAttemptAsync(request, cancellationToken, shutdown).ConfigureAwait(false);
            runner.Signals.ExecutionChanged(execution.Id);
            if (retryAt is not { } at)
            {
                return stored;
            }

            var wait = at - services.Time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, services.Time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!shutdown.IsCancellationRequested)
                {
                    await services.Store.SaveTaskRunAsync(stored with { State = State.Killed, NextAttemptAt = null, EndDate = services.Time.GetUtcNow() }, shutdown).ConfigureAwait(false);
                    runner.Signals.ExecutionChanged(execution.Id);
                    throw;
                }
            }

            taskRun = stored;
        }
    }

    private async Task<bool> ShouldRunAsync(TaskDefinition child, TaskRun taskRun, CancellationToken cancellationToken)
    {
        if (child.RunIf is null || child.RunIf.Trim() == "true")
        {
            return true;
        }

        var services = runner.Services;
        var runs = await services.Store.GetTaskRunsAsync(execution.Id, cancellationToken).ConfigureAwait(false);
        try
        {
            var scope = new RenderScope(runner.Variables.ForTask(flow, execution, runs, child, taskRun));
            return Truth.IsTruthy(services.Renderer.Evaluate(child.RunIf, scope));
        }
        catch (RenderFailedException ex)
        {
            new StoredTaskLogger(runner.Logs, taskRun, 0, null, services.Time).Log(TaskLogLevel.Error, $"runIf of task '{child.Id}' could not be evaluated: {ex.Message}");
            return true;
        }
    }
}
