using Harrier.Cli.Executions;
using Harrier.Core.Engine;
using Harrier.Core.Executions;
using Harrier.Core.Inputs;

namespace Harrier.Cli.Running;

/// <summary>Validates, submits, follows and reports one execution for <c>harrier run</c>.</summary>
public sealed class FlowRunner(TextWriter output, TextWriter error)
{
    public const int ExitSuccess = 0;
    public const int ExitFailed = 1;
    public const int ExitInvalid = 2;

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
        var uploads = FileInputs.Prepare(flow, given, executionId, problems);
        var resolution = InputResolver.Resolve(flow, given);
        problems.AddRange(resolution.Errors);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await error.WriteLineAsync($"{request.FlowFile}: {problem}").ConfigureAwait(false);
            }

            return ExitInvalid;
        }

        var options = new EngineOptions();
        if (request.WorkerSlots is { } slots)
        {
            options = options with { WorkerSlots = slots };
        }

        await using var host = await HarrierHost.StartAsync(request.DataDirectory, options, request.Host, cancellationToken).ConfigureAwait(false);
        var logOutput = request.Json ? error : output;
        var printer = new LogPrinter(logOutput, LogPrinter.ShouldColour(request.Json ? Console.IsErrorRedirected : Console.IsOutputRedirected));
        string? printedExecution = null;
        host.Engine.Logs.Stored += entries => printer.Print(entries, printedExecution);

        await FileInputs.UploadAsync(host.Files, uploads, cancellationToken).ConfigureAwait(false);
        var execution = await host.Engine.SubmitAsync(flow, resolution.Inputs, executionId, CancellationToken.None).ConfigureAwait(false);
        printedExecution = execution.Id;
        using var interrupt = new InterruptHandler(() => host.Engine.KillAsync(execution.Id, CancellationToken.None));
        using var registration = cancellationToken.Register(() => _ = host.Engine.KillAsync(execution.Id, CancellationToken.None));
        var final = await host.Engine.WaitAsync(execution.Id, CancellationToken.None).ConfigureAwait(false);
        var taskRuns = await host.Store.Executions.GetTaskRunsAsync(final.Id, CancellationToken.None).ConfigureAwait(false);
        if (request.Json)
        {
            var logs = request.IncludeLogs ? await LogReading.ReadAllAsync(host.Store.Logs, final.Id, CancellationToken.None).ConfigureAwait(false) : null;
            await output.WriteLineAsync(ExecutionJson.Write(final, taskRuns, logs)).ConfigureAwait(false);
        }
        else
        {
            await ExecutionSummary.WriteAsync(output, final, taskRuns).ConfigureAwait(false);
        }

        await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        return final.State is State.Success or State.Warning ? ExitSuccess : ExitFailed;
    }
}
