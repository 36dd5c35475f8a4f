using System.Text;
using Harrier.Core.Flows;
using Harrier.Core.Storage;
using Harrier.Core.Tasks.Running;

namespace Harrier.Scripts.Storage;

/// <summary>
/// What the core storage tasks share: the task run's files (refused without internal storage), opening a URI a
/// property names with errors that name that property and say what to give instead, and errors in the
/// <c>tasks[0].from (line 12): …</c> form <see cref="PropertyReader"/> uses. Reads go through
/// <see cref="ExecutionFiles"/>, so a task reads only what <c>read()</c> may: its own execution's files and
/// namespace files.
/// </summary>
internal static class StorageTaskFiles
{
    /// <summary>UTF-8 without a byte-order mark, as Kestra writes its files.</summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static ExecutionFiles Require(TaskRunContext context) =>
        context.Files ?? throw new TaskFailedException($"{context.Task.Path}: {context.Task.Descriptor.SimpleName} works on internal storage, which this engine was started without");

    /// <summary>Opens the file <paramref name="uri"/>, written in <paramref name="property"/>, for reading.</summary>
    public static async Task<Stream> OpenAsync(TaskRunContext context, string property, string uri, CancellationToken cancellationToken)
    {
        var files = Require(context);
        try
        {
            return await files.OpenAsync(uri.Trim(), cancellationToken).ConfigureAwait(false);
        }
        catch (StoragePathException ex)
        {
            throw Fail(context, property, $"{ex.Message}; give the URI of a file of this execution, such as {{{{ outputs.some_task.uri }}}}");
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Fail(context, property, $"there is no file at '{uri}'; was it deleted, or is it the output of a task that has not run?");
        }
    }

    /// <summary>A line reader over <paramref name="stream"/>: lines end at <c>\n</c>, <c>\r\n</c> or <c>\r</c>, as Java's <c>readLine</c> (and so Kestra) split them.</summary>
    public static StreamReader Lines(Stream stream, Encoding? encoding = null) =>
        new(stream, encoding ?? Utf8, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024);

    public static StreamWriter CreateText(string path, Encoding? encoding = null) =>
        new(StreamCopy.Create(path), encoding ?? Utf8, bufferSize: 64 * 1024);

    /// <summary>The extension of the file a URI names (<c>.csv</c>), or <paramref name="fallback"/> when it has none.</summary>
    public static string ExtensionOf(string uri, string fallback = ".tmp")
    {
        var name = uri.TrimEnd('/');
        name = Uri.UnescapeDataString(name[(name.LastIndexOf('/') + 1)..]);
        var dot = name.LastIndexOf('.');
        return dot >= 0 && dot < name.Length - 1 && StorageUri.SegmentProblem(name[dot..]) is null ? name[dot..] : fallback;
    }

    /// <summary>The file name a URI names, without its extension (<c>orders</c> for <c>…/orders.csv</c>).</summary>
    public static string StemOf(string uri)
    {
        var name = uri.TrimEnd('/');
        name = Uri.UnescapeDataString(name[(name.LastIndexOf('/') + 1)..]);
        var dot = name.LastIndexOf('.');
        var stem = dot > 0 ? name[..dot] : name;
        return StorageUri.SegmentProblem(stem) is null && stem.Length > 0 ? stem : "file";
    }

    /// <summary>Uploads a local file under this task run's prefix as <paramref name="name"/>; returns its URI as text.</summary>
    public static async Task<string> UploadAsync(TaskRunContext context, string name, string localPath, CancellationToken cancellationToken)
    {
        var uri = await Require(context).UploadAsync(name, localPath, cancellationToken).ConfigureAwait(false);
        return uri.ToString();
    }

    public static TaskFailedException Fail(TaskRunContext context, string property, string message) => Fail(context.Task, property, message);

    public static TaskFailedException Fail(TaskDefinition task, string property, string message)
    {
        // "files[2]" is written on the line of "files".
        var line = task.Property(property.Split('[')[0])?.Position.Line ?? task.Position.Line;
        return new TaskFailedException($"{task.Path}.{property} (line {line}): {message}");
    }
}
