using Harrier.Scripts.Commands;
using Harrier.Scripts.Dotnet;
using Harrier.Scripts.Helpers;
using Harrier.Scripts.Languages;
using Harrier.Scripts.Logs;
using Harrier.Scripts.Protocol;
using Harrier.Scripts.Runners;
using Harrier.Scripts.Runners.Process;

namespace Harrier.Scripts.Execution;

/// <summary>
/// Runs one rendered Script/Commands task end to end: script file, argv (§2.5), environment (worker,
/// task, helpers, language, <c>$HARRIER_OUTPUTS</c>), the task runner, the output protocol and the side
/// channel. The engine does rendering, files, retries and states around it.
/// </summary>
public sealed class ScriptRunner
{
    private readonly ITaskRunner _runner;
    private readonly HelperEnvironment _helpers;
    private readonly PythonInterpreterResolver _python;
    private readonly IReadOnlyDictionary<string, string> _workerEnvironment;

    /// <param name="workerEnvironment">The worker's own environment, as bound by configuration; the base of
    /// helper paths (a user's PYTHONPATH is kept after Harrier's) and of Python's PATH lookup.</param>
    public ScriptRunner(ITaskRunner runner, HelperEnvironment helpers, PythonInterpreterResolver python, IReadOnlyDictionary<string, string> workerEnvironment)
    {
        _runner = runner;
        _helpers = helpers;
        _python = python;
        _workerEnvironment = workerEnvironment;
    }

    /// <summary>Where C# scripts are built and cached (default: <c>&lt;temp&gt;/harrier-cache/csharp</c>).</summary>
    public CSharpScriptBuilds CSharpBuilds { get; init; } = new();

    public async Task<ScriptRunResult> RunAsync(ScriptRunRequest request, ITaskLogSink logs, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string>(_workerEnvironment, StringComparer.Ordinal);
        foreach (var (name, value) in request.Environment)
        {
            environment[name] = value;
        }

        var added = new Dictionary<string, string>(request.Environment, StringComparer.Ordinal);
        var onWorker = request.ContainerRunner is null;
        environment.TryGetValue("PATH", out var path);
        IReadOnlyList<string> commands;
        if (request.IsCommandsTask)
        {
            commands = request.Commands;
        }
        else
        {
            var prepared = await PrepareScriptAsync(request, environment, path, logs, cancellationToken);
            if (prepared.Failed is { } notRun)
            {
                return notRun;
            }

            commands = prepared.Commands;
        }
        var helperVariables = onWorker
            ? _helpers.BuildVariables(environment)
            : ContainerHelpers.InstallWithFiles(_helpers, request.Language, request.WorkingDirectory, request.Environment);
        foreach (var (name, value) in helperVariables)
        {
            added[name] = value;
        }

        // Language variables come after the user's env, so they win (Kestra's order for Python's pip settings).
        foreach (var (name, value) in request.Language.ExtraEnvironment)
        {
            added[name] = value;
        }

        var outputsFile = OutputsFile.PathIn(request.WorkingDirectory);
        added[OutputsFile.EnvironmentVariable] = outputsFile;

        var argv = ScriptCommandLineBuilder.Build(new CommandLineRequest(request.Language, request.IsCommandsTask, commands)
        {
            Interpreter = request.Interpreter,
            BeforeCommands = request.BeforeCommands,
            FailFast = request.FailFast,
            TargetOs = request.TargetOs,
            RunnerIsProcess = onWorker,
        });

        var collector = new ScriptOutputCollector(logs) { StderrLevel = request.StderrLevel, TaskId = request.TaskId };
        var runRequest = new TaskRunnerRequest(argv, request.WorkingDirectory) { Environment = added, KillGracePeriod = request.KillGracePeriod };
        TaskRunnerResult result;
        try
        {
            result = await (request.ContainerRunner ?? _runner).RunAsync(runRequest, collector, cancellationToken);
        }
        finally
        {
            if (!onWorker)
            {
                ContainerHelpers.Remove(request.WorkingDirectory);
            }
        }

        if (!result.Killed)
        {
            // A killed task publishes nothing (Kestra: timed-out tasks have no outputs), so the file is not read.
            await OutputsFile.ReadIntoAsync(outputsFile, collector, CancellationToken.None);
        }

        return new ScriptRunResult(result.ExitCode, result.Killed, collector.Outputs, collector.Metrics, collector.StdOutLineCount, collector.StdErrLineCount)
        {
            Failure = MissingToolAfterExit(request, result, path),
        };
    }

    /// <summary>
    /// A Script task's commands: its required program checked (Process runner), C# built (or found in the cache), and
    /// otherwise the script file written. Written before helpers are chosen: whether the working directory holds files
    /// decides whether container helpers come along.
    /// </summary>
    private async Task<(IReadOnlyList<string> Commands, ScriptRunResult? Failed)> PrepareScriptAsync(
        ScriptRunRequest request, Dictionary<string, string> environment, string? path, ITaskLogSink logs, CancellationToken cancellationToken)
    {
        var onWorker = request.ContainerRunner is null;
        string? tool = null;
        if (onWorker && request.Language.RequiredTool is { } required)
        {
            tool = ExecutableResolver.Resolve(required.Executable, request.WorkingDirectory, path);
            if (tool is null)
            {
                return ([], ScriptRunResult.NotRun(127, false, required.MissingMessage(path)));
            }
        }

        if (onWorker && request.Language is DotnetLanguage)
        {
            var buildEnvironment = new Dictionary<string, string>(request.Environment, StringComparer.Ordinal);
            foreach (var (name, value) in request.Language.ExtraEnvironment)
            {
                buildEnvironment[name] = value;
            }

            var script = request.Script ?? throw new ArgumentException("script: must not be null", nameof(request));
            var build = await CSharpBuilds.PrepareAsync(new CSharpBuildRequest(script, CSharpHelperSource.Text, tool!, _runner, logs) { Environment = buildEnvironment }, cancellationToken);
            return build.AssemblyPath is { } assembly
                ? ([$"{ShellQuoting.QuoteIfNeeded(tool!)} {ShellQuoting.QuoteIfNeeded(assembly)}"], null)
                : ([], ScriptRunResult.NotRun(build.ExitCode, build.Killed, build.Failure));
        }

        try
        {
            return (await ScriptCommandsAsync(request, environment, cancellationToken), null);
        }
        catch (CsxTranslationException ex)
        {
            return ([], ScriptRunResult.NotRun(1, false, $"The C# script cannot run: {ex.Message}"));
        }
    }

    /// <summary>A Commands task whose shell said "not found" (127) for the language's program: say what to install.</summary>
    private static string? MissingToolAfterExit(ScriptRunRequest request, TaskRunnerResult result, string? path) =>
        result.ExitCode == 127 && request.ContainerRunner is null && request.Language.RequiredTool is { } required
            && ExecutableResolver.Resolve(required.Executable, request.WorkingDirectory, path) is null
            ? $"Command failed with exit code 127: {required.MissingMessage(path)}"
            : null;

    private async Task<IReadOnlyList<string>> ScriptCommandsAsync(ScriptRunRequest request, Dictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var script = request.Script ?? throw new ArgumentException("script: must not be null", nameof(request));
        string? interpreter = null;
        if (request.Language is PythonLanguage && request.ContainerRunner is null)
        {
            environment.TryGetValue("PATH", out var path);
            interpreter = await _python.ResolveAsync(path ?? string.Empty, cancellationToken);
        }

        var context = new ScriptFileContext(request.WorkingDirectory, string.Empty, ResolvedInterpreter: interpreter, PackagesInstalledByHarrier: request.PythonPackagesInstalled);
        return await ScriptFileWriter.WriteAndBuildCommandsAsync(request.Language, script, request.WorkingDirectory, context, cancellationToken);
    }
}
