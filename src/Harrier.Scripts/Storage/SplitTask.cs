using System.Text.RegularExpressions;
using Harrier.Core.Tasks.Running;
using Harrier.Scripts.Tasks;

namespace Harrier.Scripts.Storage;

/// <summary>
/// <c>storage.Split</c>: reads <c>from</c> line by line (a line ends at <c>\n</c>, <c>\r\n</c> or <c>\r</c>) and writes
/// each line followed by <c>separator</c> into the file <see cref="SplitRouter"/> picks; output <c>uris</c>, the
/// files in order (by partition, or by first appearance of their regex key). The parts keep the source's
/// extension. Streams: memory stays flat whatever the file's size.
/// </summary>
public sealed class SplitTask : IRunnableTask
{
    public async Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var properties = context.Properties;
        var from = properties.RequiredString("from");
        var separator = properties.String("separator") ?? "\n";
        var router = SplitRouter.From(context, properties);

        using var directory = AttemptDirectory.Create(context.TempDirectory);
        List<string> parts;
        await using (var chunks = new ChunkFiles(directory.Path))
        {
            await using var source = await StorageTaskFiles.OpenAsync(context, "from", from, cancellationToken).ConfigureAwait(false);
            using var reader = StorageTaskFiles.Lines(source);
            long number = 0;
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                number++;
                var text = line + separator;
                long? chunk;
                long? finished;
                try
                {
                    chunk = router.ChunkOf(line, StorageTaskFiles.Utf8.GetByteCount(text), out finished);
                }
                catch (RegexMatchTimeoutException)
                {
                    throw StorageTaskFiles.Fail(context, "regexPattern", $"matching line {number} took more than 2 seconds; simplify the pattern (nested repetitions such as (a+)+ backtrack without end)");
                }

                if (finished is { } done)
                {
                    await chunks.CloseAsync(done).ConfigureAwait(false);
                }

                if (chunk is { } target)
                {
                    await chunks.WriteAsync(target, text, cancellationToken).ConfigureAwait(false);
                }
            }

            parts = [.. chunks.WrittenPaths];
        }

        var stem = StorageTaskFiles.StemOf(from);
        var extension = StorageTaskFiles.ExtensionOf(from);
        var uris = new List<object?>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            uris.Add(await StorageTaskFiles.UploadAsync(context, $"{stem}-{i + 1}{extension}", parts[i], cancellationToken).ConfigureAwait(false));
        }

        return TaskOutcome.Success(new Dictionary<string, object?> { ["uris"] = uris });
    }
}
