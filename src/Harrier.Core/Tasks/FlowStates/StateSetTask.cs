using Harrier.Core.Storage;
using Harrier.Core.Tasks.Running;

namespace Harrier.Core.Tasks.FlowStates;

/// <summary>
/// <c>state.Set</c>: merges <c>data</c> into the state (nested maps merged key by key, as Kestra's MapUtils.merge;
/// anything else replaced); outputs <c>count</c> (entries after the merge) and <c>key</c> (the state's storage address).
/// </summary>
public sealed class StateSetTask(IFileStorage? storage) : IRunnableTask
{
    public async Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var file = StateFile.For(storage, context);
        var data = context.Properties.Value("data") switch
        {
            null => new Dictionary<string, object?>(),
            IReadOnlyDictionary<string, object?> map => map,
            var other => throw new TaskFailedException($"data must be a map of entries, found {other.GetType().Name}"),
        };
        var merged = Merge(await file.ReadAsync(cancellationToken).ConfigureAwait(false) ?? new Dictionary<string, object?>(), data);
        await file.WriteAsync(merged, cancellationToken).ConfigureAwait(false);
        return TaskOutcome.Success(new Dictionary<string, object?> { ["count"] = (long)merged.Count, ["key"] = file.Uri.ToString() });
    }

    private static Dictionary<string, object?> Merge(IReadOnlyDictionary<string, object?> current, IReadOnlyDictionary<string, object?> changes)
    {
        var merged = new Dictionary<string, object?>(current, StringComparer.Ordinal);
        foreach (var (key, value) in changes)
        {
            merged[key] = merged.GetValueOrDefault(key) is IReadOnlyDictionary<string, object?> before && value is IReadOnlyDictionary<string, object?> after
                ? Merge(before, after)
                : value;
        }

        return merged;
    }
}
