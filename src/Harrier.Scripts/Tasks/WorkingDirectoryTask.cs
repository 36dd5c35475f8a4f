using Harrier.Core.Executions;
using Harrier.Core.Metrics;
using Harrier.Core.Tasks.Files;
using Harrier.Core.Tasks.Running;

namespace Harrier.Scripts.Tasks;

/// <summary>
/// The worker side of <c>io.kestra.plugin.core.flow.WorkingDirectory</c> (spec §9): one directory, namespace
/// and input files written first, then the children one after another in it, each a task run of its own;
/// the first failing child stops the rest. Output files are captured after the last child (failed or not),
/// as the group's <c>outputFiles</c>. The directory is deleted at the end.
/// </summary>
public sealed class WorkingDirectoryTask : IRunnableTask
{
    public async Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var children = context.Children
            ?? throw new TaskFailedException("a WorkingDirectory runs its children on a worker; it cannot run nested in another task");
        using var directory = AttemptDirectory.Create(context.TempDirectory);
        var outputFiles = context.Properties.StringList("outputFiles");
        var variables = RunnerVariables.Create(directory.Path, outputDirectoryEnabled: false, outputFiles);
        var properties = context.PropertiesWith(variables.ForExpressions);
        IReadOnlyList<MetricEntry> metrics;
        try
        {
            if (properties.Has("cache"))
            {
                throw new TaskFailedException("cache is not supported by this Harrier build yet; remove it (the tasks still run, only slower)");
            }

            metrics = await NamespaceFilesLoader.LoadAsync(context, properties, directory.Path, cancellationToken).ConfigureAwait(false);
            await InputFilesWriter.WriteAsync(properties, context.Files, directory.Path, cancellationToken).ConfigureAwait(false);
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
        var outputs = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (outputFiles is { Count: > 0 })
        {
            outputs["outputFiles"] = await ScriptOutputFiles.CollectAsync(context, outputFiles, variables, cancellationToken).ConfigureAwait(false);
        }

        return new TaskOutcome(States.Worst(states)) { Outputs = outputs, Metrics = metrics };
    }
}
