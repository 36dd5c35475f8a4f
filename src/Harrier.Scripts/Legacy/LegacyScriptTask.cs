using Harrier.Core.Executions;
using Harrier.Core.Logs;
using Harrier.Core.Tasks.Running;
using Harrier.Scripts.Execution;
using Harrier.Scripts.Languages;
using Harrier.Scripts.Runners;
using Harrier.Scripts.Runners.Containers;
using Harrier.Scripts.Tasks;

namespace Harrier.Scripts.Legacy;

/// <summary>
/// Kestra's deprecated <c>io.kestra.core.tasks.scripts.Bash</c> and <c>…scripts.Python</c>, mapped onto today's
/// Commands machinery (same runner, protocol, input files, helpers): <c>commands</c> (Python: <c>./bin/python main.py</c>
/// plus <c>args</c>, after a virtualenv in the working directory with <c>requirements</c>) run in
/// <c>interpreter</c> + <c>interpreterArgs</c>, after <c>set -o errexit</c> when <c>exitOnFailed</c>. The legacy
/// <c>outputFiles</c>/<c>outputsFiles</c>/<c>files</c> are names, not globs: <c>{{ outputFiles.NAME }}</c> is a path to
/// write, uploaded as output file NAME; <c>outputDirs</c> likewise for folders. Every run logs a deprecation WARN.
/// </summary>
public sealed class LegacyScriptTask(bool python, ScriptTaskServices services) : IRunnableTask
{
    public async Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var replacement = python ? "io.kestra.plugin.scripts.python.Script or …python.Commands" : "io.kestra.plugin.scripts.shell.Commands";
        context.Logger.Log(TaskLogLevel.Warn, $"{context.Task.Type} is deprecated (in Kestra too): use {replacement}; Harrier runs it as a Commands task");
        var declared = context.Properties;
        var outputNames = new[] { "outputFiles", "outputsFiles", "files" }.SelectMany(n => declared.StringList(n) ?? []).Distinct(StringComparer.Ordinal).ToList();
        var outputDirNames = declared.StringList("outputDirs") ?? [];

        using var owned = context.SharedWorkingDirectory is null ? AttemptDirectory.Create(context.TempDirectory) : null;
        var workingDirectory = context.SharedWorkingDirectory ?? owned!.Path;
        var variables = RunnerVariables.Create(workingDirectory, outputDirectoryEnabled: false, outputNames);
        var outputDirs = LegacyOutputs.CreateDirectories(workingDirectory, outputDirNames);
        var expressions = new Dictionary<string, object?>(variables.ForExpressions, StringComparer.Ordinal) { ["outputDirs"] = outputDirs };
        var properties = context.PropertiesWith(expressions);
        await InputFilesWriter.WriteAsync(properties, context.Files, workingDirectory, cancellationToken).ConfigureAwait(false);
        if (python && !File.Exists(Path.Combine(workingDirectory, "main.py")) && properties.StringList("commands") is null)
        {
            throw new TaskFailedException($"{context.Task.Path}.inputFiles: must hold a main.py (the default command is ./bin/python main.py)");
        }

        var environment = ScriptEnvironment.Build(properties, variables);
        var downloads = new StorageUriDownloads(context.Files, workingDirectory);
        var lines = python ? await LegacyPython.CommandsAsync(properties, services, workingDirectory, cancellationToken).ConfigureAwait(false) : LegacyCommands(properties);
        var request = new ScriptRunRequest(new ShellLanguage(), IsCommandsTask: true, workingDirectory)
        {
            Commands = await downloads.RewriteAsync(lines, cancellationToken).ConfigureAwait(false) ?? [],
            Interpreter = [properties.String("interpreter") ?? "/bin/sh", .. properties.StringList("interpreterArgs") ?? ["-c"]],
            FailFast = false,
            Environment = python ? new Dictionary<string, string>(environment) { ["PYTHONUNBUFFERED"] = "true" } : environment,
            ContainerRunner = ContainerRunner(context, properties),
        };
        var result = await services.Scripts.RunAsync(request, new LoggerSink(context.Logger), cancellationToken).ConfigureAwait(false);
        if (result.Killed)
        {
            throw new OperationCanceledException("The task was stopped.", cancellationToken);
        }

        var uploaded = await LegacyOutputs.UploadAsync(context, variables, outputNames, outputDirs, cancellationToken).ConfigureAwait(false);
        var succeeded = result.ExitCode == 0 && result.Failure is null;
        return new TaskOutcome(succeeded ? State.Success : State.Failed)
        {
            Outputs = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["vars"] = result.Vars,
                ["exitCode"] = (long)result.ExitCode,
                ["outputFiles"] = uploaded,
                ["files"] = uploaded,
            },
            Metrics = result.Metrics,
            Error = succeeded ? null : result.Failure ?? $"Command failed with exit code {result.ExitCode}",
        };
    }

    private static List<string> LegacyCommands(PropertyReader properties)
    {
        var lines = new List<string>();
        if (properties.Bool("exitOnFailed", true))
        {
            lines.Add("set -o errexit");
        }

        lines.AddRange(properties.StringList("commands") ?? throw new TaskFailedException("commands: must not be null: the property is required"));
        return lines;
    }

    /// <summary><c>runner: DOCKER</c> with the legacy <c>dockerOptions</c> (Kestra's deprecated Docker options object).</summary>
    private ITaskRunner? ContainerRunner(TaskRunContext context, PropertyReader properties)
    {
        if (properties.String("runner") != "DOCKER")
        {
            return null;
        }

        var factory = services.Containers ?? throw new TaskFailedException("runner: DOCKER, but this Harrier process has no container engine configured; remove runner to run the task as a local process");
        var options = properties.Value("dockerOptions") as IReadOnlyDictionary<string, object?>;
        return factory.Create(new ContainerRunSpec
        {
            DeprecatedOptions = options,
            UsesDeprecatedOptions = true,
            ContainerImage = options?.GetValueOrDefault("image") as string ?? (python ? "python" : "ubuntu"),
            Namespace = context.Flow.Namespace,
            FlowId = context.Flow.Id,
            TaskId = context.Task.Id,
            ExecutionId = context.Execution.Id,
            TaskRunId = context.TaskRun.Id,
            Attempt = context.Attempt,
            Log = message => context.Logger.Log(TaskLogLevel.Info, message),
        });
    }
}
