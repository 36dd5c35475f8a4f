using Harrier.Cli.Executions;
using Harrier.Core.Engine;
using Harrier.Core.Executions;
using Harrier.Core.Inputs;
using Harrier.Server.Hosting;

namespace Harrier.Cli.Running;

/// <summary>Validates, submits, follows and reports one execution for <c>harrier run</c>.</summary>
public sealed class FlowRunner(TextWriter output, TextWriter error)
{
    public const int ExitSuccess = 0;
    public const int ExitFailed = 1;
    public const int ExitInvalid = 2;

    /// <summary>The execution paused waiting for a resume (<c>harrier executions resume</c>); this process leaves it so.</summary>
    public const int ExitPaused = 3;

    public async Task<int> RunAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var loaded = HarrierHost.CreateFlowLoader().LoadFile(request.FlowFile);
        if (loaded.Flow is not { } flow)
        {
            foreach (var diagnostic in loaded.Diagnostics)
            {
                await error.WriteLineAsync(diagnostic.ToString()).ConfigureAwait(false);
            }

            return ExitInvalid;
        }

        var problems = new List<string>();
        var given = InputArguments.Parse(request.Inputs, request.InputsFile, problems);
        var executionId = Ids.New();
        problems.AddRange(request.FlowDirectories.Where(d => !Directory.Exists(d)).Select(d => $"--flows {d}: there is no such folder"));
        var uploads = FileInputs.Prepare(flow, given, executionId, problems);
        var resolution = InputResolver.Resolve(flow, given);
        foreach (var warning in resolution.Warnings)
        {
            await error.WriteLineAsync($"{request.FlowFile}: warning: {warning}").ConfigureAwait(false);
        }

        problems.AddRange(resolution.Errors);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await error.WriteLineAsync($"{request.FlowFile}: {problem}").ConfigureAwait(false);
            }

            return ExitInvalid;
        }

        // This process owns its execution: other processes on the data directory leave it alone, and if this one dies it
        // waits, interrupted, for 'harrier executions recover'.
        var options = new EngineOptions();
        options = options with { Owner = options.ProcessId, ProcessKind = "run", WorkerSlots = request.WorkerSlots ?? options.WorkerSlots };
        using var loggers = StderrLoggerProvider.CreateFactory(error);
        var hostOptions = request.Host with { Flows = new DirectoryFlowRepository(request.FlowDirectories, flow) };
        await using var host = await HarrierHost.StartAsync(request.DataDirectory, options, hostOptions, cancellationToken, loggers).ConfigureAwait(false);
        await StartNotices.WriteAsync(host, error, request.DataDirectory, cancellationToken).ConfigureAwait(false);
        var logOutput = request.Json ? error : output;
        var printer = new LogPrinter(logOutput, LogPrinter.ShouldColour(request.Json ? Console.IsErrorRedirected : Console.IsOutputRedirected));
        string? printedExecution = null;
        host.Engine.Logs.Stored += entries => printer.Print(entries, printedExecution);

        await FileInputs.UploadAsync(host.Files, uploads, cancellationToken).ConfigureAwait(false);
        var execution = await host.Engine.SubmitAsync(flow, resolution.Inputs, executionId, CancellationToken.None).ConfigureAwait(false);
        printedExecution = execution.Id;
        // Ctrl-C kills the current attempt (a RETRIED one waiting for its next attempt too: that attempt is then not created).
        var current = execution.Id;
        using var interrupt = new InterruptHandler(() => host.Engine.KillAsync(Volatile.Read(ref current), CancellationToken.None));
        using var registration = cancellationToken.Register(() => _ = host.Engine.KillAsync(Volatile.Read(ref current), CancellationToken.None));
        var final = await EndOrPause.WaitAsync(host, flow, execution.Id).ConfigureAwait(false);
        final = await RetryChain.FollowAsync(host, final, id => EndOrPause.WaitAsync(host, flow, id), (retried, next) =>
        {
            printedExecution = next.Id;
            Volatile.Write(ref current, next.Id);
            error.WriteLine($"harrier: execution {retried.Id} RETRIED; attempt {next.AttemptNumber} is execution {next.Id}");
        }).ConfigureAwait(false);
        await ChildExecutions.WaitAsync(host, options.Owner!).ConfigureAwait(false);
        var taskRuns = await host.Store.Executions.GetTaskRunsAsync(final.Id, CancellationToken.None).ConfigureAwait(false);
        if (request.Json)
        {
            await ExecutionJson.WriteAsync(output, final, taskRuns, request.IncludeLogs ? host.Store.Logs : null, CancellationToken.None).ConfigureAwait(false);
        }
        else
        {
            await ExecutionSummary.WriteAsync(output, final, taskRuns).ConfigureAwait(false);
        }

        await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        if (final.State == State.Paused)
        {
            await error.WriteLineAsync(EndOrPause.HowToResume(final, request.DataDirectory)).ConfigureAwait(false);
            return ExitPaused;
        }

        return final.State is State.Success or State.Warning ? ExitSuccess : ExitFailed;
    }
}
