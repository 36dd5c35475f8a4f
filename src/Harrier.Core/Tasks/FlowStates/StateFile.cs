using System.Security.Cryptography;
using System.Text;
using Harrier.Core.Json;
using Harrier.Core.Storage;
using Harrier.Core.Tasks.Running;

namespace Harrier.Core.Tasks.FlowStates;

/// <summary>
/// Where a state task's map lives in internal storage and how it is read and written: one JSON file at
/// <c>/&lt;ns&gt;/_states/&lt;flow id, or _namespace&gt;/&lt;name&gt;/&lt;hash of taskrun.value, or _all&gt;.json</c>. The
/// <c>_states</c> folder cannot meet a flow's (flow ids never start with '_'); the value is hashed, as any text may be one.
/// A write replaces the whole file at once (the storage's atomic put), so a reader sees the old map or the new one.
/// </summary>
internal sealed class StateFile(IFileStorage storage, StorageUri uri)
{
    public StorageUri Uri => uri;

    public static StateFile For(IFileStorage? storage, TaskRunContext context)
    {
        var files = storage ?? throw new TaskFailedException("state tasks need the internal storage, which this engine has not");
        var properties = context.Properties;
        var name = properties.String("name") is { Length: > 0 } given ? given : "default";
        if (StorageUri.SegmentProblem(name) is { } problem)
        {
            throw new TaskFailedException($"name '{name}' cannot name a state: {problem}");
        }

        var owner = properties.Bool("namespace", false) ? "_namespace" : context.Flow.Id;
        var value = properties.Bool("taskrunValue", true) ? context.TaskRun.Value : null;
        var leaf = value is null ? "_all" : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..32];
        return new StateFile(files, StoragePaths.Namespace(context.Flow.Namespace).Append("_states").Append(owner).Append(name).Append(leaf + ".json"));
    }

    /// <summary>The stored map, or null when there is none.</summary>
    public async Task<IReadOnlyDictionary<string, object?>?> ReadAsync(CancellationToken cancellationToken)
    {
        if (await storage.GetInfoAsync(uri, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        await using var stream = await storage.OpenReadAsync(uri, cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return PlainJson.Parse(await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false)) as IReadOnlyDictionary<string, object?>
            ?? new Dictionary<string, object?>();
    }

    public async Task WriteAsync(IReadOnlyDictionary<string, object?> map, CancellationToken cancellationToken)
    {
        await using var content = new MemoryStream(Encoding.UTF8.GetBytes(PlainJson.Serialize(map)));
        await storage.PutAsync(uri, content, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> DeleteAsync(CancellationToken cancellationToken) =>
        await storage.DeleteAsync(uri, cancellationToken).ConfigureAwait(false) > 0;
}
