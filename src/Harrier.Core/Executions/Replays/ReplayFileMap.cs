using Harrier.Core.Storage;

namespace Harrier.Core.Executions.Replays;

/// <summary>
/// Where a replay keeps the original execution's files: <c>…/executions/&lt;old&gt;/tasks/&lt;task&gt;/&lt;run&gt;/…</c> of a
/// kept task run moves under its copy's new id, every other file of the execution (inputs, flow-level files) under the
/// new execution's folder; files of task runs the replay runs again are not taken (null <paramref name="droppedRuns"/>:
/// none of the task runs' files, as for a replay of the whole execution, which keeps only its inputs). The new execution
/// is then self-contained: its tasks read only their own execution's files, and purging the original breaks nothing.
/// </summary>
public sealed class ReplayFileMap(StorageUri from, StorageUri to, IReadOnlyDictionary<string, string> runIds, IReadOnlySet<string>? droppedRuns)
{
    /// <summary>For a replay of the whole execution: its input files (and other files outside task runs) only.</summary>
    public static ReplayFileMap Whole(Execution original, string newExecutionId) => new(
        StoragePaths.Execution(original.Namespace, original.FlowId, original.Id),
        StoragePaths.Execution(original.Namespace, original.FlowId, newExecutionId),
        new Dictionary<string, string>(),
        null);

    public StorageUri From { get; } = from;

    public StorageUri To { get; } = to;

    /// <summary>The new address of a file of the original execution; null for a file the replay does not take (or one elsewhere).</summary>
    public StorageUri? Map(StorageUri file)
    {
        if (!file.IsUnder(From))
        {
            return null;
        }

        var rest = file.Segments.Skip(From.Segments.Count).ToList();
        if (rest.Count >= 3 && rest[0] == "tasks")
        {
            if (droppedRuns is null || droppedRuns.Contains(rest[2]))
            {
                return null;
            }

            if (runIds.TryGetValue(rest[2], out var copy))
            {
                rest[2] = copy;
            }
        }

        return rest.Aggregate(To, (uri, segment) => uri.Append(segment));
    }

    /// <summary>The value with every storage URI of a taken file replaced by its new address (maps and lists walked).</summary>
    public object? Rewrite(object? value) => value switch
    {
        string text when StorageUri.IsStorageUri(text) && StorageUri.TryParse(text, out var uri, out _) && Map(uri) is { } moved => InSchemeOf(text, moved),
        IReadOnlyDictionary<string, object?> map => map.ToDictionary(e => e.Key, e => Rewrite(e.Value), StringComparer.Ordinal),
        IEnumerable<object?> list => list.Select(Rewrite).ToList(),
        _ => value,
    };

    // A kestra:// address stays one: a script comparing what it wrote with what it reads back sees the same form.
    private static string InSchemeOf(string original, StorageUri moved) =>
        original.StartsWith(StorageUri.KestraScheme + "://", StringComparison.Ordinal)
            ? StorageUri.KestraScheme + moved.ToString()[StorageUri.Scheme.Length..]
            : moved.ToString();

    public IReadOnlyDictionary<string, object?> Rewrite(IReadOnlyDictionary<string, object?> values) =>
        values.ToDictionary(e => e.Key, e => Rewrite(e.Value), StringComparer.Ordinal);
}
