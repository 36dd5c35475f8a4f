using System.Text;
using Harrier.Core.Json;
using Harrier.Scripts.Helpers;
using Harrier.Scripts.Logs;
using Harrier.Scripts.Protocol;
using Harrier.Scripts.Runners;
using Harrier.Scripts.Runners.Process;

namespace Harrier.Scripts.Jvm;

/// <summary>
/// Runs an Eval or FileTransform script in the engine's interpreter, as a child process of the worker (never inside
/// Harrier's process): writes <c>.harrier-jvm/request.json</c>, starts the prelude, streams its protocol lines
/// (the script's <c>logger</c> and metrics) into the task's logs, and reads <c>result.json</c> back.
/// </summary>
public sealed class JvmScriptRunner(ITaskRunner runner, HelperEnvironment helpers)
{
    public const string FolderName = ".harrier-jvm";

    public async Task<JvmScriptResult> RunAsync(JvmScriptRequest request, ITaskLogSink logs, CancellationToken cancellationToken)
    {
        request.Environment.TryGetValue("PATH", out var path);
        var tool = ExecutableResolver.Resolve(request.Engine.Tool.Executable, request.WorkingDirectory, path);
        if (tool is null)
        {
            return new JvmScriptResult(127, false, request.Engine.Tool.MissingMessage(path));
        }

        var folder = Path.Combine(request.WorkingDirectory, FolderName);
        Directory.CreateDirectory(Path.Combine(folder, "files"));
        var requestPath = Path.Combine(folder, "request.json");
        var resultPath = Path.Combine(folder, "result.json");
        var rowsOut = Path.Combine(folder, "rows-out.jsonl");
        var document = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["mode"] = request.Mode == JvmScriptMode.Eval ? "eval" : "transform",
            ["script"] = request.Script,
            ["bindings"] = request.Bindings,
            ["outputs"] = request.Outputs.ToList<object?>(),
            ["rowsIn"] = request.RowsFile,
            ["rowsOut"] = rowsOut,
            ["concurrent"] = (long)Math.Max(1, request.Concurrent),
            ["result"] = resultPath,
            ["filesDir"] = Path.Combine(folder, "files"),
            ["storagePrefix"] = request.StoragePrefix.TrimEnd('/'),
            ["storageFiles"] = request.StorageFiles.ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal),
            ["workingDir"] = request.WorkingDirectory,
        };
        await File.WriteAllTextAsync(requestPath, PlainJson.Serialize(document), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);

        var collector = new ScriptOutputCollector(logs);
        var argv = request.Engine.BuildArgv(tool, helpers.RootDirectory, requestPath);
        var run = await runner.RunAsync(new TaskRunnerRequest(argv, request.WorkingDirectory) { Environment = request.Environment }, collector, cancellationToken).ConfigureAwait(false);
        if (run.Killed || run.ExitCode != 0 || !File.Exists(resultPath))
        {
            var failure = run.Killed ? null : $"The {request.Engine.DisplayName} script failed (exit code {run.ExitCode}); its error is logged above";
            return new JvmScriptResult(run.ExitCode == 0 ? 1 : run.ExitCode, run.Killed, failure) { Metrics = collector.Metrics };
        }

        var result = PlainJson.Parse(await File.ReadAllTextAsync(resultPath, cancellationToken).ConfigureAwait(false)) as IReadOnlyDictionary<string, object?>
            ?? throw new InvalidDataException($"{resultPath}: the prelude's result is not a JSON object");
        return new JvmScriptResult(0, false, null)
        {
            Result = result.GetValueOrDefault("result"),
            Outputs = result.GetValueOrDefault("outputs") as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>(),
            Files = (result.GetValueOrDefault("files") as IReadOnlyList<object?> ?? [])
                .OfType<IReadOnlyDictionary<string, object?>>()
                .Select(f => ((string)f["name"]!, (string)f["path"]!))
                .ToList(),
            RowsFile = request.Mode == JvmScriptMode.Transform ? rowsOut : null,
            Metrics = collector.Metrics,
        };
    }
}
