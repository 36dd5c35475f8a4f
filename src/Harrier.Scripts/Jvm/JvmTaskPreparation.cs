using System.Text.RegularExpressions;
using Harrier.Core.Json;
using Harrier.Core.Storage;
using Harrier.Core.Tasks.Running;
using Harrier.Scripts.Tasks;

namespace Harrier.Scripts.Jvm;

/// <summary>What Eval and FileTransform share: the request's bindings, storage prefix, readable files, environment; uploads after the run.</summary>
internal static partial class JvmTaskPreparation
{
    [GeneratedRegex(@"(?:kestra|harrier)://[-\p{L}\p{N}._+~#=/%]*", RegexOptions.CultureInvariant)]
    private static partial Regex StorageUriPattern();

    public static async Task<JvmScriptRequest> RequestAsync(
        JvmScriptEngine engine, JvmScriptMode mode, TaskRunContext context, ScriptTaskServices services, string workingDirectory, CancellationToken cancellationToken)
    {
        var script = context.Properties.RequiredString("script");
        var bindings = context.Scope.Variables;
        return new JvmScriptRequest(engine, mode, workingDirectory, script)
        {
            Bindings = bindings,
            StoragePrefix = context.Files?.Scope.TaskRunPrefix.ToString() ?? "kestra:///",
            StorageFiles = await ReadableFilesAsync(context.Files, script, bindings, workingDirectory, cancellationToken).ConfigureAwait(false),
            Environment = services.WorkerEnvironment.TryGetValue("PATH", out var path)
                ? new Dictionary<string, string>(StringComparer.Ordinal) { ["PATH"] = path }
                : new Dictionary<string, string>(),
        };
    }

    /// <summary>
    /// The child cannot call back into Harrier, so the storage files a script may open with
    /// <c>runContext.storage().getFile(uri)</c> are copied in beforehand: those its text or its variables name (this
    /// execution's, the only ones a task may read). Only scripts that mention getFile pay for it.
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, string>> ReadableFilesAsync(
        ExecutionFiles? files, string script, IReadOnlyDictionary<string, object?> bindings, string workingDirectory, CancellationToken cancellationToken)
    {
        var readable = new Dictionary<string, string>(StringComparer.Ordinal);
        if (files is null || !script.Contains("getFile", StringComparison.Ordinal))
        {
            return readable;
        }

        var text = script + "\n" + PlainJson.Serialize(bindings);
        var folder = Path.Combine(workingDirectory, JvmScriptRunner.FolderName, "storage");
        Directory.CreateDirectory(folder);
        foreach (var uri in StorageUriPattern().Matches(text).Select(m => m.Value).Distinct(StringComparer.Ordinal))
        {
            try
            {
                var local = Path.Combine(folder, (readable.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                await files.DownloadAsync(uri, local, cancellationToken).ConfigureAwait(false);
                readable[uri] = local;
            }
            catch (Exception ex) when (ex is StoragePathException or FileNotFoundException or DirectoryNotFoundException or FormatException)
            {
                // Another execution's file, or no file: getFile will say it is not readable.
            }
        }

        return readable;
    }

    /// <summary>Uploads what the script gave to <c>putFile</c>, under the names (and so the URIs) it was answered.</summary>
    public static async Task UploadAsync(TaskRunContext context, JvmScriptResult result, CancellationToken cancellationToken)
    {
        if (result.Files.Count == 0)
        {
            return;
        }

        var files = context.Files ?? throw new TaskFailedException("runContext.storage().putFile needs internal storage, which this engine was started without");
        foreach (var (name, path) in result.Files)
        {
            await files.UploadAsync(name, path, cancellationToken).ConfigureAwait(false);
        }
    }
}
