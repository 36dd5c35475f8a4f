using System.Text.Json;
using Harrier.Core.Json;
using Harrier.Core.Storage;
using Harrier.Core.Tasks.Running;
using Harrier.Scripts.Tasks;

namespace Harrier.Scripts.Storage;

/// <summary>
/// <c>storage.Concat</c>: copies every file of <c>files</c> in order into one, writing <c>separator</c> after each
/// (after the last one too, as Kestra does); output <c>uri</c>, named after the task with <c>extension</c>.
/// Bytes are copied as they are, streamed.
/// </summary>
public sealed class ConcatTask : IRunnableTask
{
    public async Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var properties = context.Properties;
        var files = Files(context, properties.Value("files"));
        var separator = properties.String("separator") is { } text ? StorageTaskFiles.Utf8.GetBytes(text) : [];
        var name = context.Task.Id + (properties.String("extension") ?? ".tmp");
        if (StorageUri.SegmentProblem(name) is { } problem)
        {
            throw StorageTaskFiles.Fail(context, "extension", $"{problem}; write an extension such as .csv");
        }

        using var directory = AttemptDirectory.Create(context.TempDirectory);
        var local = Path.Combine(directory.Path, "joined");
        await using (var target = StreamCopy.Create(local))
        {
            for (var i = 0; i < files.Count; i++)
            {
                await using (var source = await StorageTaskFiles.OpenAsync(context, $"files[{i}]", files[i], cancellationToken).ConfigureAwait(false))
                {
                    await source.CopyToAsync(target, StreamCopy.BufferFor(source), cancellationToken).ConfigureAwait(false);
                }

                await target.WriteAsync(separator, cancellationToken).ConfigureAwait(false);
            }
        }

        var uri = await StorageTaskFiles.UploadAsync(context, name, local, cancellationToken).ConfigureAwait(false);
        return TaskOutcome.Success(new Dictionary<string, object?> { ["uri"] = uri });
    }

    /// <summary>The URIs: a list (each item rendered), or a text holding a JSON list (<c>"{{ outputs.split.uris | json }}"</c>).</summary>
    private static List<string> Files(TaskRunContext context, object? value)
    {
        if (value is string text)
        {
            try
            {
                value = PlainJson.Parse(text);
            }
            catch (JsonException)
            {
                throw StorageTaskFiles.Fail(context, "files", $"'{Shorten(text)}' is not a JSON list; give a list of URIs, or a text such as [\"harrier:///…/a.csv\", \"harrier:///…/b.csv\"]");
            }
        }

        if (value is not IEnumerable<object?> list)
        {
            throw StorageTaskFiles.Fail(context, "files", "must be a list of storage URIs (or a text holding a JSON list of them)");
        }

        var uris = new List<string>();
        foreach (var item in list)
        {
            uris.Add(item as string ?? throw StorageTaskFiles.Fail(context, "files", $"item {uris.Count} is {PropertyReader.AsText(item)}, not the URI of a file"));
        }

        return uris;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
