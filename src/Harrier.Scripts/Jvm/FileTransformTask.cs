using System.Text;
using Harrier.Core.Engine;
using Harrier.Core.Executions;
using Harrier.Core.Json;
using Harrier.Core.Metrics;
using Harrier.Core.Storage;
using Harrier.Core.Tasks.Running;
using Harrier.Scripts.Ion;
using Harrier.Scripts.Tasks;

namespace Harrier.Scripts.Jvm;

/// <summary>
/// <c>io.kestra.plugin.scripts.{groovy,jython,nashorn}.FileTransform</c>: runs <c>script</c> once per row of
/// <c>from</c> — a storage URI of an Ion (or JSON-lines) file, or a JSON object or list — with the row bound as
/// <c>row</c>; the script may change it, set it to null to drop it, or set <c>rows</c> to emit several. The rows are
/// written as an Ion file (output <c>uri</c>), counted in the <c>records</c> metric. <c>concurrent</c> rows run at once.
/// </summary>
public sealed class FileTransformTask(JvmScriptEngine engine, ScriptTaskServices services) : IRunnableTask
{
    public async Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var properties = context.Properties;
        var from = properties.RequiredString("from");
        var concurrent = properties.Integer("concurrent");
        if (concurrent is < 2)
        {
            throw new TaskFailedException($"{context.Task.Path}.concurrent: must be at least 2 (leave it out to transform one row at a time)");
        }

        var files = context.Files ?? throw new TaskFailedException("FileTransform writes its rows to internal storage, which this engine was started without");
        using var owned = context.SharedWorkingDirectory is null ? AttemptDirectory.Create(context.TempDirectory) : null;
        var workingDirectory = context.SharedWorkingDirectory ?? owned!.Path;
        var request = await JvmTaskPreparation.RequestAsync(engine, JvmScriptMode.Transform, context, services, workingDirectory, cancellationToken).ConfigureAwait(false);
        var rowsIn = Path.Combine(workingDirectory, JvmScriptRunner.FolderName, "rows-in.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(rowsIn)!);
        await WriteRowsAsync(from, files, rowsIn, cancellationToken).ConfigureAwait(false);

        var result = await services.JvmScripts.RunAsync(request with { RowsFile = rowsIn, Concurrent = (int)(concurrent ?? 1) }, new LoggerSink(context.Logger), cancellationToken).ConfigureAwait(false);
        if (result.Killed)
        {
            throw new OperationCanceledException("The task was stopped.", cancellationToken);
        }

        if (result.Failure is not null)
        {
            return new TaskOutcome(State.Failed) { Error = result.Failure, Metrics = result.Metrics };
        }

        await JvmTaskPreparation.UploadAsync(context, result, cancellationToken).ConfigureAwait(false);
        var ion = Path.Combine(workingDirectory, JvmScriptRunner.FolderName, Ids.New(12) + ".ion");
        var records = await ToIonAsync(result.RowsFile!, ion, cancellationToken).ConfigureAwait(false);
        var uri = await files.UploadAsync(Path.GetFileName(ion), ion, cancellationToken).ConfigureAwait(false);
        return new TaskOutcome(State.Success)
        {
            Outputs = new Dictionary<string, object?>(StringComparer.Ordinal) { ["uri"] = uri.ToString() },
            Metrics = [.. result.Metrics, new MetricEntry("records", MetricType.Counter, records, new Dictionary<string, string>())],
        };
    }

    /// <summary>The source rows as JSON lines: an Ion or JSON-lines file from storage, or inline JSON (a list is many rows).</summary>
    private static async Task WriteRowsAsync(string from, ExecutionFiles files, string rowsIn, CancellationToken cancellationToken)
    {
        IEnumerable<object?> rows;
        if (ExecutionFiles.IsUri(from.Trim()))
        {
            var source = rowsIn + ".source";
            await files.DownloadAsync(from.Trim(), source, cancellationToken).ConfigureAwait(false);
            rows = IonTextReader.ReadAll(await File.ReadAllTextAsync(source, cancellationToken).ConfigureAwait(false));
        }
        else
        {
            object? parsed;
            try
            {
                parsed = PlainJson.Parse(from);
            }
            catch (System.Text.Json.JsonException ex)
            {
                throw new TaskFailedException($"from: must be a storage URI or a JSON object or list of rows ({ex.Message})");
            }

            rows = parsed is IReadOnlyList<object?> list ? list : [parsed];
        }

        await using var writer = new StreamWriter(rowsIn, append: false, new UTF8Encoding(false));
        try
        {
            foreach (var row in rows)
            {
                await writer.WriteLineAsync(PlainJson.Serialize(row).AsMemory(), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (FormatException ex)
        {
            throw new TaskFailedException($"from: {ex.Message}");
        }
    }

    private static async Task<long> ToIonAsync(string rowsFile, string ionFile, CancellationToken cancellationToken)
    {
        long count = 0;
        await using var writer = new StreamWriter(ionFile, append: false, new UTF8Encoding(false));
        foreach (var line in File.ReadLines(rowsFile))
        {
            if (line.Length > 0)
            {
                await writer.WriteLineAsync(IonTextWriter.Write(PlainJson.Parse(line)).AsMemory(), cancellationToken).ConfigureAwait(false);
                count++;
            }
        }

        return count;
    }
}
