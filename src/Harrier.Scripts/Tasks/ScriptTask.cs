using Harrier.Core.Executions;
using Harrier.Core.Logs;
using Harrier.Core.Tasks.Files;
using Harrier.Core.Tasks.Running;
using Harrier.Scripts.Commands;
using Harrier.Scripts.Execution;
using Harrier.Scripts.Languages;
using Harrier.Scripts.Protocol;

namespace Harrier.Scripts.Tasks;

/// <summary>
/// A Script or Commands task of any language (spec §1): fresh (or shared) working directory, namespace files,
/// input files, rendered script and commands with storage URIs downloaded (§5.4), then the script runner
/// (argv, environment, runner, protocol, side channel); the output object <c>{vars, exitCode, outputFiles}</c>
/// is kept on failure too, output files included.
/// </summary>
public sealed class ScriptTask(IScriptLanguage language, bool isCommands, ScriptTaskServices services) : IRunnableTask
{
    public async Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var declared = context.Properties;
        var runner = ScriptRunnerChoice.Resolve(declared, services.DockerIsDefault);
        if (declared.StringList("dependencies") is { Count: > 0 } dependencies)
        {
            // Kestra installs these with uv/pip (spec §10.3); until Harrier does, say so instead of failing later on an import.
            context.Logger.Log(TaskLogLevel.Warn, $"dependencies ({string.Join(", ", dependencies)}) are not installed by this Harrier build yet; install them in beforeCommands (e.g. pip install …) or bake them into the image");
        }

        using var owned = context.SharedWorkingDirectory is null ? AttemptDirectory.Create(context.TempDirectory) : null;
        var workingDirectory = context.SharedWorkingDirectory ?? owned!.Path;
        var namespaceMetrics = await NamespaceFilesLoader.LoadAsync(context, declared, workingDirectory, cancellationToken).ConfigureAwait(false);
        var outputFiles = declared.StringList("outputFiles");
        var variables = RunnerVariables.Create(workingDirectory, runner.OutputDirectoryEnabled, outputFiles);
        var properties = context.PropertiesWith(variables.ForExpressions);

        await InputFilesWriter.WriteAsync(properties, context.Files, workingDirectory, cancellationToken).ConfigureAwait(false);
        var environment = ScriptEnvironment.Build(properties, variables);
        if (properties.Bool("executionContext", false))
        {
            await ExecutionContextFile.WriteAsync(context, workingDirectory, environment, cancellationToken).ConfigureAwait(false);
        }

        var containerRunner = runner.ContainerRunner(context, properties, language.DefaultContainerImage, services.Containers);
        var downloads = new StorageUriDownloads(context.Files, workingDirectory);
        // In a shared WorkingDirectory an earlier sibling's side-channel file must not become this task's outputs.
        File.Delete(OutputsFile.PathIn(workingDirectory));
        var request = new ScriptRunRequest(language, isCommands, workingDirectory)
        {
            Script = isCommands ? null : await downloads.RewriteAsync(properties.RequiredString("script"), cancellationToken).ConfigureAwait(false),
            Commands = isCommands ? await downloads.RewriteAsync(properties.StringList("commands"), cancellationToken).ConfigureAwait(false) ?? [] : [],
            BeforeCommands = await downloads.RewriteAsync(properties.StringList("beforeCommands"), cancellationToken).ConfigureAwait(false) ?? [],
            Interpreter = await downloads.RewriteAsync(properties.StringList("interpreter"), cancellationToken).ConfigureAwait(false),
            FailFast = properties.Bool("failFast", true),
            TargetOs = TargetOsOf(properties.String("targetOS")),
            Environment = environment,
            StderrLevel = TaskLogLevels.TryParse(properties.String("stderrLevel"), out var level) ? level : TaskLogLevel.Error,
            ContainerRunner = containerRunner,
        };
        var result = await services.Scripts.RunAsync(request, new LoggerSink(context.Logger), cancellationToken).ConfigureAwait(false);
        if (result.Killed)
        {
            throw new OperationCanceledException("The task was stopped.", cancellationToken);
        }

        var outputs = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["vars"] = result.Vars,
            ["exitCode"] = (long)result.ExitCode,
            ["outputFiles"] = await ScriptOutputFiles.CollectAsync(context, outputFiles, variables, cancellationToken).ConfigureAwait(false),
        };
        return new TaskOutcome(result.ExitCode == 0 ? State.Success : State.Failed)
        {
            Outputs = outputs,
            Metrics = [.. namespaceMetrics, .. result.Metrics],
            Error = result.ExitCode == 0 ? null : $"Command failed with exit code {result.ExitCode}",
        };
    }

    private static TargetOs TargetOsOf(string? text) => text?.ToUpperInvariant() switch
    {
        "LINUX" => TargetOs.Linux,
        "WINDOWS" => TargetOs.Windows,
        _ => TargetOs.Auto,
    };
}
