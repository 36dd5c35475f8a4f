using Harrier.Core.Engine.Coordination;
using Harrier.Core.Engine.Planning;
using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Logs;
using Harrier.Core.Queue;
using Harrier.Core.Rendering;
using Harrier.Core.Tasks.Running;

namespace Harrier.Core.Engine.Workers;

/// <summary>
/// Runs the children of a worker-side flowable one at a time on this worker, each as a task run of its own, stored
/// under the group's job lease; <c>runIf</c> and retries are applied here (retries wait in place: the shared directory
/// must stay put). A group run again after its worker stopped starts over in a fresh directory and gives its children
/// new attempts on their existing task runs (a run is unique by task, parent and iteration).
/// </summary>
/// <remarks>
/// The token given to <see cref="RunAsync"/> is the group's (kill, timeout, lost lease, shutdown); results are stored
/// regardless, so a child stopped by its group never stays RUNNING or RETRYING.
/// </remarks>
internal sealed class ChildTaskRunner(AttemptRunner runner, AttemptRequest group, JobLease groupLease, RunningAttempts.Registration registration, CancellationToken shutdown)
    : IChildTaskRunner
{
    public async Task<TaskRun> RunAsync(TaskDefinition child, string workingDirectory, CancellationToken cancellationToken)
    {
        var services = runner.Services;
        var writes = new ChildAttemptWrites(services.Commits, groupLease, runner.Logs);
        var parent = group.TaskRun;
        var taskRun = await ExistingAsync(child, parent, cancellationToken).ConfigureAwait(false) ?? await writes.StartAsync(new TaskRun
        {
            Id = Ids.New(),
            ExecutionId = parent.ExecutionId,
            TaskId = child.Id,
            ParentTaskRunId = parent.Id,
            Value = parent.Value,
            Iteration = parent.Iteration,
            State = State.Created,
            CreatedAt = services.Time.GetUtcNow(),
            OutputPath = parent.OutputPath,
        }, cancellationToken).ConfigureAwait(false);
        if (!await ShouldRunAsync(child, taskRun, cancellationToken).ConfigureAwait(false))
        {
            return await writes.CommitAsync(taskRun with { State = State.Skipped, EndDate = services.Time.GetUtcNow() }, null, CancellationToken.None).ConfigureAwait(false);
        }

        while (true)
        {
            var request = group with { Task = child, TaskRun = taskRun, SharedWorkingDirectory = workingDirectory, Children = null };
            var result = await runner.RunAttemptAsync(request, writes, groupLease, registration, cancellationToken, shutdown).ConfigureAwait(false);
            if (result is not { } done)
            {
                // Nothing stored (the group lost its lease or is being handed back): the group stops here.
                throw new OperationCanceledException("the WorkingDirectory's worker stopped", cancellationToken);
            }

            if (done.RetryAt is not { } at)
            {
                return done.TaskRun;
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
                    await writes.CommitAsync(done.TaskRun with { State = State.Killed, NextAttemptAt = null, EndDate = services.Time.GetUtcNow() }, null, CancellationToken.None)
                        .ConfigureAwait(false);
                    throw;
                }
            }

            taskRun = done.TaskRun;
        }
    }

    /// <summary>The child's run from an earlier run of the group, to run again from a fresh directory.</summary>
    private async Task<TaskRun?> ExistingAsync(TaskDefinition child, TaskRun parent, CancellationToken cancellationToken)
    {
        var found = await runner.Services.Store.FindTaskRunsAsync(parent.ExecutionId, [new TaskRunKey(child.Id, parent.Id, parent.Iteration)], cancellationToken)
            .ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    private async Task<bool> ShouldRunAsync(TaskDefinition child, TaskRun taskRun, CancellationToken cancellationToken)
    {
        if (child.RunIf is null || child.RunIf.Trim() == "true")
        {
            return true;
        }

        var services = runner.Services;
        var runs = await WorkerView.LoadAsync(services.Store, child, taskRun, cancellationToken).ConfigureAwait(false);
        try
        {
            var scope = new RenderScope(runner.Variables.ForTask(group.Flow, group.Execution, runs, child, taskRun));
            return Truth.IsTruthy(services.Renderer.Evaluate(child.RunIf, scope));
        }
        catch (RenderFailedException ex)
        {
            runner.Logger(taskRun, 0).Log(TaskLogLevel.Error, $"runIf of task '{child.Id}' could not be evaluated: {ex.Message}");
            return true;
        }
    }
}
