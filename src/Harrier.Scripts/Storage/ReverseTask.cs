using System.Text;
using Harrier.Core.Storage;
using Harrier.Core.Tasks.Running;
using Harrier.Scripts.Tasks;

namespace Harrier.Scripts.Storage;

/// <summary>
/// <c>storage.Reverse</c>: the lines of <c>from</c> (read in <c>charset</c>; a line ends at <c>\n</c>, <c>\r\n</c> or
/// <c>\r</c>) last first, each followed by <c>separator</c>; output <c>uri</c>, a file with the source's name and
/// extension. Streams: the lines are first copied as UTF-8 to a local file, which is then read backwards.
/// </summary>
public sealed class ReverseTask : IRunnableTask
{
    public async Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var properties = context.Properties;
        var from = properties.RequiredString("from");
        var separator = properties.String("separator") ?? "\n";
        var charset = properties.String("charset") ?? "UTF-8";
        var encoding = Charsets.Find(charset) ?? throw StorageTaskFiles.Fail(context, "charset", $"'{charset}' is not a charset Harrier knows; write one such as UTF-8, ISO-8859-1, UTF-16LE or windows-1252");

        using var directory = AttemptDirectory.Create(context.TempDirectory);
        var forward = Path.Combine(directory.Path, "lines");
        await using (var source = await StorageTaskFiles.OpenAsync(context, "from", from, cancellationToken).ConfigureAwait(false))
        await using (var lines = StorageTaskFiles.CreateText(forward))
        {
            using var reader = StorageTaskFiles.Lines(source, encoding);
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                await lines.WriteAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
                await lines.WriteAsync('\n').ConfigureAwait(false);
            }
        }

        var reversed = Path.Combine(directory.Path, "reversed");
        await using (var target = new BufferedStream(StreamCopy.Create(reversed), 64 * 1024))
        {
            await foreach (var line in ReversedLines.ReadAsync(forward, cancellationToken).ConfigureAwait(false))
            {
                await target.WriteAsync(encoding.GetBytes(StorageTaskFiles.Utf8.GetString(line) + separator), cancellationToken).ConfigureAwait(false);
            }
        }

        var name = StorageTaskFiles.StemOf(from) + StorageTaskFiles.ExtensionOf(from);
        var uri = await StorageTaskFiles.UploadAsync(context, name, reversed, cancellationToken).ConfigureAwait(false);
        return TaskOutcome.Success(new Dictionary<string, object?> { ["uri"] = uri });
    }
}
