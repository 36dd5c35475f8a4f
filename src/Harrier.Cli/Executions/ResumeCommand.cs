using System.CommandLine;
using Harrier.Cli.Running;
using Harrier.Core.Engine;
using Harrier.Core.Executions;
using Harrier.Server.Hosting;

namespace Harrier.Cli.Executions;

/// <summary>
/// <c>harrier executions resume ID [--input NAME=VALUE]…</c>: resumes a PAUSED execution of the data directory, the
/// values checked against its Pause's <c>onResume</c> inputs. When the process that ran it is gone (a <c>harrier run</c>
/// that exited on the pause, exit 3), this one takes it over and runs it to its end in the foreground, as
/// <c>harrier run</c> does (same exit codes); when a live process runs it (a server), that process goes on and this
/// command returns at once. Exit 2 when it cannot be resumed (not paused, unknown, invalid values).
/// </summary>
public static class ResumeCommand
{
    public static Command Create()
    {
        var dataDir = ExecutionsCommand.DataDirOption();
        var id = new Argument<string>("id") { Description = "Execution id." };
        var input = new Option<string[]>("--input", "-i") { Description = "An onResume input value, NAME=VALUE (repeatable).", AllowMultipleArgumentsPerToken = false };
        var slots = new Option<int?>("--workers") { Description = "Task runs executed at once (default: cores, at least 2)." };
        var command = new Command("resume", "Resume a paused execution (a Pause waiting for a resume), with its onResume inputs.") { id, input, dataDir, slots };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var configuration = parseResult.InvocationConfiguration;
            return RunAsync(parseResult.GetValue(dataDir)!, parseResult.GetValue(id)!, parseResult.GetValue(input) ?? [], parseResult.GetValue(slots), configuration.Output, configuration.Error, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(string dataDirectory, string executionId, IReadOnlyList<string> inputs, int? slots, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var given = InputArguments.Parse(inputs, null, problems);
        if (problems.Count > 0)
        {
            return await FailAsync(error, problems).ConfigureAwait(false);
        }

        var options = new EngineOptions();
        options = options with { Owner = options.ProcessId, ProcessKind = "resume", WorkerSlots = slots ?? options.WorkerSlots };
        using var loggers = StderrLoggerProvider.CreateFactory(error);
        await using var host = await HarrierHost.StartAsync(dataDirectory, options, new HostOptions(), cancellationToken, loggers).ConfigureAwait(false);
        if (await host.Store.Executions.GetExecutionAsync(executionId, cancellationToken).ConfigureAwait(false) is not { } execution)
        {
            return await FailAsync(error, [$"there is no execution {executionId} in {dataDirectory}; list them with 'harrier executions list'"]).ConfigureAwait(false);
        }

        if (await host.LoadFlowOfAsync(execution, cancellationToken).ConfigureAwait(false) is not { } flow)
        {
            return await FailAsync(error, [$"the flow document execution {executionId} ran no longer loads in this Harrier; it cannot be resumed"]).ConfigureAwait(false);
        }

        // Taken over only when its process is gone, and before the resume, so that it is planned here at once.
        var interrupted = (await host.Recovery.FindInterruptedAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(i => i.Execution.Id == executionId);
        var adopted = interrupted is not null && await host.Recovery.AdoptAsync(interrupted.Execution, options.Owner, cancellationToken).ConfigureAwait(false);
        var result = await host.Engine.ResumeAsync(execution, flow, given, host.Store.Resumes, cancellationToken).ConfigureAwait(false);
        foreach (var warning in result.Warnings)
        {
            await error.WriteLineAsync($"harrier: warning: {warning}").ConfigureAwait(false);
        }

        if (!result.Resumed)
        {
            return await FailAsync(error, result.Errors).ConfigureAwait(false);
        }

        if (!adopted)
        {
            await output.WriteLineAsync($"resumed {executionId}; the process running it goes on").ConfigureAwait(false);
            return FlowRunner.ExitSuccess;
        }

        await output.WriteLineAsync($"resumed {executionId} ({execution.Namespace}.{execution.FlowId}); running it here to its end").ConfigureAwait(false);
        var printer = new LogPrinter(output, LogPrinter.ShouldColour(Console.IsOutputRedirected));
        host.Engine.Logs.Stored += entries => printer.Print([.. entries.Where(e => e.ExecutionId == executionId)]);
        using var interrupt = new InterruptHandler(() => host.Engine.KillAsync(executionId, CancellationToken.None));
        var final = await EndOrPause.WaitAsync(host, flow, executionId).ConfigureAwait(false);
        await ExecutionSummary.WriteAsync(output, final, await host.Store.Executions.GetTaskRunsAsync(executionId, CancellationToken.None).ConfigureAwait(false)).ConfigureAwait(false);
        if (final.State == State.Paused)
        {
            await error.WriteLineAsync(EndOrPause.HowToResume(final, dataDirectory)).ConfigureAwait(false);
            return FlowRunner.ExitPaused;
        }

        return final.State is State.Success or State.Warning ? FlowRunner.ExitSuccess : FlowRunner.ExitFailed;
    }

    private static async Task<int> FailAsync(TextWriter error, IEnumerable<string> problems)
    {
        foreach (var problem in problems)
        {
            await error.WriteLineAsync($"harrier: cannot resume: {problem}").ConfigureAwait(false);
        }

        return FlowRunner.ExitInvalid;
    }
}
