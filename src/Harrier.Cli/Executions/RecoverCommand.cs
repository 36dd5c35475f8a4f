using System.CommandLine;
using Harrier.Cli.Running;
using Harrier.Core.Engine;
using Harrier.Core.Engine.Recovery;
using Harrier.Core.Executions;
using Harrier.Server.Hosting;

namespace Harrier.Cli.Executions;

/// <summary>
/// <c>harrier executions recover [ID…]</c>: runs the interrupted executions of a data directory (their process died) to
/// their end, in the foreground. First it stops what the dead process left running (its tasks' process trees and
/// containers) and removes its scratch folders and partial uploads; then this process adopts the executions: finished
/// task runs are kept, interrupted attempts run again as new attempts. Exit 0 when all end SUCCESS or WARNING, 1
/// otherwise, 2 when an id given cannot be recovered (it is not there, has ended, or its process is alive).
/// </summary>
public static class RecoverCommand
{
    public static Command Create()
    {
        var dataDir = ExecutionsCommand.DataDirOption();
        var ids = new Argument<string[]>("id") { Description = "Executions to recover (default: every interrupted one).", Arity = ArgumentArity.ZeroOrMore };
        var slots = new Option<int?>("--workers") { Description = "Task runs executed at once (default: cores, at least 2)." };
        var defaultRunner = new Option<string>("--default-runner") { Description = "Runner of script tasks that name none: process (default) or docker.", DefaultValueFactory = _ => "process" };
        defaultRunner.AcceptOnlyFromAmong("process", "docker");
        var volumes = new Option<bool>("--allow-docker-volumes") { Description = "Let Docker-runner tasks bind-mount host paths (volumes); off by default." };
        var command = new Command("recover", "Finish the executions whose process died (kill -9, a crash, a power cut).") { ids, dataDir, slots, defaultRunner, volumes };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var host = new HostOptions { DefaultRunner = parseResult.GetValue(defaultRunner)!, DockerVolumesEnabled = parseResult.GetValue(volumes) };
            var configuration = parseResult.InvocationConfiguration;
            return RunAsync(parseResult.GetValue(dataDir)!, parseResult.GetValue(ids) ?? [], parseResult.GetValue(slots), host, configuration.Output, configuration.Error, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(string dataDirectory, IReadOnlyList<string> ids, int? slots, HostOptions hostOptions, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var options = new EngineOptions();
        options = options with { Owner = options.ProcessId, ProcessKind = "recover", WorkerSlots = slots ?? options.WorkerSlots };
        using var loggers = StderrLoggerProvider.CreateFactory(error);
        await using var host = await HarrierHost.StartAsync(dataDirectory, options, hostOptions, cancellationToken, loggers).ConfigureAwait(false);
        await StartNotices.WriteSweepAsync(host.Sweep, error).ConfigureAwait(false);
        var (chosen, refused) = await ChooseAsync(host, ids, error, cancellationToken).ConfigureAwait(false);
        var adopted = new List<InterruptedExecution>();
        foreach (var interrupted in chosen)
        {
            if (await host.Recovery.AdoptAsync(interrupted.Execution, options.Owner, cancellationToken).ConfigureAwait(false))
            {
                adopted.Add(interrupted);
            }
            else
            {
                await error.WriteLineAsync($"harrier: {interrupted.Execution.Id} was recovered by another process meanwhile; skipped").ConfigureAwait(false);
            }
        }

        if (adopted.Count == 0)
        {
            await output.WriteLineAsync(refused ? "nothing recovered" : $"nothing to recover in {dataDirectory}").ConfigureAwait(false);
            return refused ? FlowRunner.ExitInvalid : FlowRunner.ExitSuccess;
        }

        foreach (var interrupted in adopted)
        {
            var former = interrupted.FormerOwner is { } owner ? $"pid {owner.Pid} ({owner.Kind}) died" : "its process is gone";
            var execution = interrupted.Execution;
            await output.WriteLineAsync($"recovering {execution.Id} ({execution.Namespace}.{execution.FlowId}, {execution.State.ToName()}; {former})").ConfigureAwait(false);
        }

        var printer = new LogPrinter(output, LogPrinter.ShouldColour(Console.IsOutputRedirected));
        var watched = adopted.Select(a => a.Execution.Id).ToHashSet(StringComparer.Ordinal);
        host.Engine.Logs.Stored += entries => printer.Print([.. entries.Where(e => watched.Contains(e.ExecutionId))]);
        using var interrupt = new InterruptHandler(() => Task.WhenAll(watched.Select(id => host.Engine.KillAsync(id, CancellationToken.None))));
        // A recovered execution may pause for a resume: it is then left PAUSED, with the command that resumes it.
        var finals = await Task.WhenAll(watched.Select(id => WaitAsync(host, id))).ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);
        foreach (var final in finals)
        {
            await output.WriteLineAsync($"{final.Id}  {final.State.ToName()}  {final.Namespace}.{final.FlowId}").ConfigureAwait(false);
            if (final.State == State.Paused)
            {
                await error.WriteLineAsync(EndOrPause.HowToResume(final, dataDirectory)).ConfigureAwait(false);
            }
        }

        var ok = finals.All(e => e.State is State.Success or State.Warning);
        if (!refused && finals.Any(e => e.State == State.Paused) && finals.All(e => e.State is State.Success or State.Warning or State.Paused))
        {
            return FlowRunner.ExitPaused;
        }

        return refused ? FlowRunner.ExitInvalid : ok ? FlowRunner.ExitSuccess : FlowRunner.ExitFailed;
    }

    /// <summary>The end (or resume-only pause) of the execution, and of the retries it causes (<see cref="RetryChain"/>).</summary>
    private static async Task<Execution> WaitAsync(HarrierHost host, string executionId) =>
        await RetryChain.FollowAsync(host, await WaitOneAsync(host, executionId).ConfigureAwait(false), id => WaitOneAsync(host, id)).ConfigureAwait(false);

    private static async Task<Execution> WaitOneAsync(HarrierHost host, string executionId)
    {
        var execution = await host.Store.Executions.GetExecutionAsync(executionId, CancellationToken.None).ConfigureAwait(false);
        return execution is not null && await host.LoadFlowOfAsync(execution, CancellationToken.None).ConfigureAwait(false) is { } flow
            ? await EndOrPause.WaitAsync(host, flow, executionId).ConfigureAwait(false)
            : await host.Engine.WaitAsync(executionId, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>The interrupted executions to recover: all of them, or those named (each refused one said why).</summary>
    private static async Task<(IReadOnlyList<InterruptedExecution> Chosen, bool Refused)> ChooseAsync(HarrierHost host, IReadOnlyList<string> ids, TextWriter error, CancellationToken cancellationToken)
    {
        var interrupted = await host.Recovery.FindInterruptedAsync(cancellationToken).ConfigureAwait(false);
        if (ids.Count == 0)
        {
            return (interrupted, false);
        }

        var chosen = new List<InterruptedExecution>();
        var refused = false;
        var unfinished = await host.Store.Ownership.ListUnfinishedAsync(cancellationToken).ConfigureAwait(false);
        foreach (var id in ids)
        {
            if (interrupted.FirstOrDefault(i => i.Execution.Id == id) is { } found)
            {
                chosen.Add(found);
                continue;
            }

            refused = true;
            var reason = unfinished.FirstOrDefault(e => e.Id == id) is { } running
                ? await host.Recovery.WhyNotInterruptedAsync(running, cancellationToken).ConfigureAwait(false)
                : await host.Store.Executions.GetExecutionAsync(id, cancellationToken).ConfigureAwait(false) is { } ended
                    ? $"it has already ended ({ended.State.ToName()})"
                    : "there is no such execution; list them with 'harrier executions list'";
            await error.WriteLineAsync($"harrier: cannot recover {id}: {reason}").ConfigureAwait(false);
        }

        return (chosen, refused);
    }
}
