using Harrier.Core.Executions;
using Harrier.Core.Logs;
using Harrier.Core.Tasks.Files;
using Harrier.Core.Tasks.Running;
using Harrier.Scripts.Commands;
using Harrier.Scripts.Execution;
using Harrier.Scripts.Languages;
using Harrier.Scripts.Protocol;
using Harrier.Scripts.Python;

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
        var dependencies = await PrepareDependenciesAsync(context, properties, workingDirectory, environment, containerRunner is not null, cancellationToken).ConfigureAwait(false);
        dependencies?.PutFirstOnPythonPath(environment);
        var downloads = new StorageUriDownloads(context.Files, workingDirectory);
        // In a shared WorkingDirectory an earlier sibling's side-channel file must not become this task's outputs.
        File.Delete(OutputsFile.PathIn(workingDirectory));
        var effectiveLanguage = language is JbangLanguage ? JbangLanguage.With(properties.String("extension"), properties.Bool("quiet", true)) : language;
        var request = new ScriptRunRequest(effectiveLanguage, isCommands, workingDirectory)
        {
            TaskId = context.Task.Id,
            Script = isCommands ? null : await downloads.RewriteAsync(properties.RequiredString("script"), cancellationToken).ConfigureAwait(false),
            Commands = isCommands ? await downloads.RewriteAsync(properties.StringList("commands"), cancellationToken).ConfigureAwait(false) ?? [] : [],
            BeforeCommands = await downloads.RewriteAsync(properties.StringList("beforeCommands"), cancellationToken).ConfigureAwait(false) ?? [],
            Interpreter = await downloads.RewriteAsync(properties.StringList("interpreter"), cancellationToken).ConfigureAwait(false),
            FailFast = properties.Bool("failFast", true),
            TargetOs = TargetOsOf(properties.String("targetOS")),
            Environment = environment,
            StderrLevel = TaskLogLevels.TryParse(properties.String("stderrLevel"), out var level) ? level : TaskLogLevel.Error,
            ContainerRunner = containerRunner,
            PythonPackagesInstalled = dependencies is not null,
        };
        var result = await services.Scripts.RunAsync(request, new LoggerSink(context.Logger), cancellationToken).ConfigureAwait(false);
        if (result.Killed)
        {
            throw new OperationCanceledException("The task was stopped.", cancellationToken);
        }

        var dependencyMetrics = dependencies is not null && result.ExitCode == 0 && result.Failure is null
            ? await dependencies.SaveCacheAsync(cancellationToken).ConfigureAwait(false)
            : [];
        var outputs = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["vars"] = result.Vars,
            ["exitCode"] = (long)result.ExitCode,
            ["outputFiles"] = await ScriptOutputFiles.CollectAsync(context, outputFiles, variables, cancellationToken).ConfigureAwait(false),
        };
        var succeeded = result.ExitCode == 0 && result.Failure is null;
        return new TaskOutcome(succeeded ? State.Success : State.Failed)
        {
            Outputs = outputs,
            Metrics = [.. namespaceMetrics, .. dependencies?.Metrics ?? [], .. dependencyMetrics, .. result.Metrics],
            Error = succeeded ? null : result.Failure ?? $"Command failed with exit code {result.ExitCode}",
        };
    }

    /// <summary>Python <c>dependencies</c> (spec §10.3): installed for the Process runner; in a container, said to be the image's job.</summary>
    private async Task<PythonDependencies?> PrepareDependenciesAsync(
        TaskRunContext context, PropertyReader properties, string workingDirectory, IReadOnlyDictionary<string, string> environment, bool inContainer, CancellationToken cancellationToken)
    {
        if (language is not PythonLanguage || PythonDependencies.Requirements(properties) is not { Count: > 0 } requirements)
        {
            return null;
        }

        if (inContainer)
        {
            // Packages installed on the worker would be built for its platform, not the image's (spec §10.3's caveat).
            context.Logger.Log(TaskLogLevel.Warn, $"dependencies ({string.Join(", ", requirements)}) are installed for the Process runner only; in a container, bake them into the image or install them in beforeCommands (pip install …)");
            return null;
        }

        return await PythonDependencies.PrepareAsync(new PythonDependencyRequest(context, services, requirements, workingDirectory)
        {
            Environment = environment,
            PythonVersion = properties.String("pythonVersion"),
            CacheEnabled = properties.Bool("dependencyCacheEnabled", true),
        }, cancellationToken).ConfigureAwait(false);
    }

    private static TargetOs TargetOsOf(string? text) => text?.ToUpperInvariant() switch
    {
        "LINUX" => TargetOs.Linux,
        "WINDOWS" => TargetOs.Windows,
        _ => TargetOs.Auto,
    };
}
