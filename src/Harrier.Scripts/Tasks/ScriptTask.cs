using Harrier.Core.Executions;
using Harrier.Core.Logs;
using Harrier.Core.Tasks.Files;
using Harrier.Core.Tasks.Running;
using Harrier.Scripts.Commands;
using Harrier.Scripts.Languages;
using Harrier.Scripts.Protocol;
using Harrier.Scripts.Runners;

namespace Harrier.Scripts.Tasks;

/// <summary>
/// A Script or Commands task of any language (spec §1): fresh working directory, namespace files, input files,
/// rendered script and commands with storage URIs downloaded (§5.4), §2.5's argv, the runner, the output protocol and side channel, the output object
/// <c>{vars, exitCode, outputFiles}</c> — kept on failure too, output files included.
/// </summary>
public sealed class ScriptTask(IScriptLanguage language, bool isCommands, ScriptTaskServices services) : IRunnableTask
{
    public async Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var declared = context.Properties;
        var runner = ScriptRunnerChoice.Resolve(declared);
        using var directory = AttemptDirectory.Create(context.TempDirectory);
        var namespaceMetrics = await NamespaceFilesLoader.LoadAsync(context, declared, directory.Path, cancellationToken).ConfigureAwait(false);
        var outputFiles = declared.StringList("outputFiles");
        var variables = RunnerVariables.Create(directory.Path, runner.OutputDirectoryEnabled, outputFiles);
        var properties = context.PropertiesWith(variables.ForExpressions);

        await InputFilesWriter.WriteAsync(properties, context.Files, directory.Path, cancellationToken).ConfigureAwait(false);
        var environment = ScriptEnvironment.Build(properties, language, variables, services.Helpers);
        var downloads = new StorageUriDownloads(context.Files, directory.Path);
        var commands = await CommandsAsync(properties, downloads, directory.Path, environment, cancellationToken).ConfigureAwait(false);
        var argv = ScriptCommandLineBuilder.Build(new CommandLineRequest(language, isCommands, commands)
        {
            Interpreter = await downloads.RewriteAsync(properties.StringList("interpreter"), cancellationToken).ConfigureAwait(false),
            BeforeCommands = await downloads.RewriteAsync(properties.StringList("beforeCommands"), cancellationToken).ConfigureAwait(false) ?? [],
            FailFast = properties.Bool("failFast", true),
            TargetOs = TargetOsOf(properties.String("targetOS")),
        });
        if (properties.Bool("executionContext", false))
        {
            await ExecutionContextFile.WriteAsync(context, directory.Path, environment, cancellationToken).ConfigureAwait(false);
        }

        var collector = new ScriptOutputCollector(new LoggerSink(context.Logger)) { StderrLevel = StderrLevel(properties) };
        var result = await services.ProcessRunner.RunAsync(new TaskRunnerRequest(argv, directory.Path) { Environment = environment }, collector, cancellationToken).ConfigureAwait(false);
        if (result.Killed)
        {
            throw new OperationCanceledException("The task was stopped.", cancellationToken);
        }

        await OutputsFile.ReadIntoAsync(OutputsFile.PathIn(directory.Path), collector, CancellationToken.None).ConfigureAwait(false);
        var outputs = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["vars"] = collector.Outputs,
            ["exitCode"] = (long)result.ExitCode,
            ["outputFiles"] = await ScriptOutputFiles.CollectAsync(context, outputFiles, variables, cancellationToken).ConfigureAwait(false),
        };
        return new TaskOutcome(result.ExitCode == 0 ? State.Success : State.Failed)
        {
            Outputs = outputs,
            Metrics = [.. namespaceMetrics, .. collector.Metrics],
            Error = result.ExitCode == 0 ? null : $"Command failed with exit code {result.ExitCode}",
        };
    }

    private async Task<IReadOnlyList<string>> CommandsAsync(PropertyReader properties, StorageUriDownloads downloads, string workingDirectory, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        if (isCommands)
        {
            return await downloads.RewriteAsync(properties.StringList("commands"), cancellationToken).ConfigureAwait(false) ?? [];
        }

        var script = await downloads.RewriteAsync(properties.RequiredString("script"), cancellationToken).ConfigureAwait(false);
        string? python = null;
        if (language.Name == "python")
        {
            var path = environment.GetValueOrDefault("PATH") ?? Environment.GetEnvironmentVariable("PATH") ?? "";
            python = await services.Python.ResolveAsync(path, cancellationToken).ConfigureAwait(false);
        }

        var fileContext = new ScriptFileContext(workingDirectory, "", ResolvedInterpreter: python);
        return await ScriptFileWriter.WriteAndBuildCommandsAsync(language, script, workingDirectory, fileContext, cancellationToken).ConfigureAwait(false);
    }

    private static TargetOs TargetOsOf(string? text) => text?.ToUpperInvariant() switch
    {
        "LINUX" => TargetOs.Linux,
        "WINDOWS" => TargetOs.Windows,
        _ => TargetOs.Auto,
    };

    private static TaskLogLevel StderrLevel(PropertyReader properties) =>
        TaskLogLevels.TryParse(properties.String("stderrLevel"), out var level) ? level : TaskLogLevel.Error;
}
