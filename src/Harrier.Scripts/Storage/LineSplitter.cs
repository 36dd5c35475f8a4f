using System.Text.RegularExpressions;
using Harrier.Core.Tasks.Running;
using Harrier.Scripts.Tasks;

namespace Harrier.Scripts.Storage;

/// <summary>
/// Cuts a storage file into parts, the core of <c>storage.Split</c> and of ForEachItem's batches: reads the file line
/// by line (a line ends at <c>\n</c>, <c>\r\n</c> or <c>\r</c>), writes each line followed by the separator into the
/// part the <see cref="SplitRouter"/> picks, and uploads the parts under the task run's prefix, named after the source
/// (<c>orders-1.csv</c>, <c>orders-2.csv</c>…). Streams: memory stays flat whatever the file's size.
/// </summary>
internal static class LineSplitter
{
    /// <summary>The URIs of the parts, in order (by partition, or by first appearance of their regex key).</summary>
    /// <param name="property">The property that names the file, for errors (<c>from</c>, <c>items</c>).</param>
    public static async Task<List<string>> SplitAsync(
        TaskRunContext context, string property, string from, string separator, SplitRouter router, CancellationToken cancellationToken)
    {
        using var directory = AttemptDirectory.Create(context.TempDirectory);
        List<string> parts;
        await using (var chunks = new ChunkFiles(directory.Path))
        {
            await using var source = await StorageTaskFiles.OpenAsync(context, property, from, cancellationToken).ConfigureAwait(false);
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
        var uris = new List<string>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            uris.Add(await StorageTaskFiles.UploadAsync(context, $"{stem}-{i + 1}{extension}", parts[i], cancellationToken).ConfigureAwait(false));
        }

        return uris;
    }
}
