using Harrier.Core.Executions;
using Harrier.Core.Logs;
using Harrier.Core.Metrics;
using Harrier.Core.Storage;
using Harrier.Core.Tasks.Files;
using Harrier.Core.Tasks.Files.Cache;
using Harrier.Core.Tasks.Running;

namespace Harrier.Scripts.Tasks;

/// <summary>
/// The worker side of <c>io.kestra.plugin.core.flow.WorkingDirectory</c> (spec §9): one directory, namespace
/// and input files written first, then the children one after another in it, each a task run of its own;
/// the first failing child stops the rest. Output files are captured after the last child (failed or not),
/// as the group's <c>outputFiles</c>. The directory is deleted at the end.
/// A <c>cache</c> (spec §9.3) is restored first, so namespace and input files written next win over cached copies,
/// and saved only when the group did not fail: a half-done install must not become every later run's start.
/// A cache that cannot be restored fails the group (§9.4); one that cannot be saved is a warning, since the
/// children's work is done and the cache is only a speed-up.
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
        var metrics = new List<MetricEntry>();
        WorkingDirectoryCache? cache;
        try
        {
            cache = WorkingDirectoryCache.Create(context, properties, directory.Path);
            if (cache is not null)
            {
                metrics.AddRange(await RestoreAsync(cache, cancellationToken).ConfigureAwait(false));
            }

            metrics.AddRange(await NamespaceFilesLoader.LoadAsync(context, properties, directory.Path, cancellationToken).ConfigureAwait(false));
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

        var state = States.Worst(states);
        if (cache is not null && !state.IsFailure())
        {
            metrics.AddRange(await SaveAsync(context, cache, cancellationToken).ConfigureAwait(false));
        }

        return new TaskOutcome(state) { Outputs = outputs, Metrics = metrics };
    }

    private static async Task<IReadOnlyList<MetricEntry>> RestoreAsync(WorkingDirectoryCache cache, CancellationToken cancellationToken)
    {
        try
        {
            return await cache.RestoreAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or StoragePathException)
        {
            throw new TaskFailedException($"cannot restore the cache from {cache.Uri}: {ex.Message}; delete it to start afresh", ex);
        }
    }

    private static async Task<IReadOnlyList<MetricEntry>> SaveAsync(TaskRunContext context, WorkingDirectoryCache cache, CancellationToken cancellationToken)
    {
        try
        {
            return await cache.SaveAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or StoragePathException or TaskFailedException)
        {
            context.Logger.Log(TaskLogLevel.Warn, $"Cache not saved at {cache.Uri}: {ex.Message}; the next execution rebuilds it");
            return [];
        }
    }
}
