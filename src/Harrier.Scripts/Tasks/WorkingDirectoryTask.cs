using Harrier.Core.Executions;
using Harrier.Core.Tasks.Running;

namespace Harrier.Scripts.Tasks;

/// <summary>
/// The worker side of <c>io.kestra.plugin.core.flow.WorkingDirectory</c> (spec §9): one directory, input
/// files written first, then the children one after another in it, each a task run of its own; the first
/// failing child stops the rest. The directory is deleted at the end.
/// </summary>
public sealed class WorkingDirectoryTask : IRunnableTask
{
    public async Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var children = context.Children
            ?? throw new TaskFailedException("a WorkingDirectory runs its children on a worker; it cannot run nested in another task");
        using var directory = AttemptDirectory.Create(context.TempDirectory);
        var properties = context.PropertiesWith(new Dictionary<string, object?> { ["workingDir"] = directory.Path });
        try
        {
            if (properties.Has("namespaceFiles") || properties.Has("outputFiles") || properties.Has("cache"))
            {
                throw new TaskFailedException("namespaceFiles, outputFiles and cache need internal storage, which this Harrier build does not have yet");
            }

            await InputFilesWriter.WriteAsync(properties, directory.Path, cancellationToken).ConfigureAwait(false);
        }
        catch (TaskFailedException ex)
        {
            return TaskOutcome.Failure($"Failed preExecuteTasks on WorkingDirectory: {ex.Message}");
        }

        var states = new List<State>();
        foreach (var child in context.Task.ChildList("tasks"))
        {
            if (child.Disabled)
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var run = await children.RunAsync(child, directory.Path, cancellationToken).ConfigureAwait(false);
            states.Add(run.State);
            if (run.State.IsFailure())
            {
                break;
            }
        }

        // A child stopped by the group's kill or timeout ends KILLED without throwing; rethrowing the group's
        // cancellation lets its guard say which it was (KILLED, or FAILED with "Timeout after …").
        cancellationToken.ThrowIfCancellationRequested();
        return new TaskOutcome(States.Worst(states));
    }
}
