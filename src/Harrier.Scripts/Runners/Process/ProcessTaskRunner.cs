using System.Runtime.ExceptionServices;

namespace Harrier.Scripts.Runners.Process;

/// <summary>
/// Runs an argv as a local child process (Kestra's <c>io.kestra.plugin.core.runner.Process</c>).
/// </summary>
/// <remarks>
/// The child leads a new session and process group (see <see cref="ChildLauncher"/>), so every
/// descendant that does not call setsid() itself is signalled at once through the group; those that do
/// (setsid, a double fork, daemon(3)) are adopted by the worker (<see cref="Subreaper"/>) and found by
/// <see cref="TaskLeftovers"/>. Nothing started for a task outlives it: once the main process exits, output
/// still in flight is read for <see cref="ProcessTaskRunnerOptions.PostExitDrainWindow"/>, then whatever is
/// left gets SIGTERM and, after the grace period, SIGKILL; a kill does the same at once. Without that, a
/// background job holding stdout open would keep the task running forever, and a daemonised one would leak past it.
/// A program that cannot be found ends the run with exit code 127 (one found without execute permission, or that
/// cannot be executed: 126), like a shell, after one stderr line naming the program and the PATH searched, so the
/// user sees why in the task's logs instead of a stack trace.
/// </remarks>
public sealed class ProcessTaskRunner : ITaskRunner
{
    public const int CommandNotFoundExitCode = 127;
    public const int CannotExecuteExitCode = 126;

    /// <summary>How long a killed run waits for its main process to exit before stopping the task's processes again.</summary>
    private static readonly TimeSpan KillRetryInterval = TimeSpan.FromMilliseconds(100);

    private readonly ProcessTaskRunnerOptions _options;

    public ProcessTaskRunner(ProcessTaskRunnerOptions? options = null)
    {
        _options = options ?? new ProcessTaskRunnerOptions();
        _options.Validate();
    }

    public async Task<TaskRunnerResult> RunAsync(TaskRunnerRequest request, ITaskOutputSink sink, CancellationToken cancellationToken)
    {
        if (request.Arguments.Count == 0)
        {
            throw new ArgumentException("The command line is empty: there is no program to run.", nameof(request));
        }

        if (!Directory.Exists(request.WorkingDirectory))
        {
            throw new DirectoryNotFoundException($"The working directory '{request.WorkingDirectory}' does not exist.");
        }

        var environment = ChildEnvironment.Build(request);
        var program = request.Arguments[0];
        environment.TryGetValue("PATH", out var path);
        var executable = ExecutableResolver.Resolve(program, request.WorkingDirectory, path);
        if (executable is null && ExecutableResolver.FindNotExecutable(program, request.WorkingDirectory, path) is { } denied)
        {
            // Found but not runnable (no execute bit, or a directory): 126 like a shell and `docker run`, not "not found".
            sink.OnStderr($"harrier: cannot run '{program}': {denied} is not an executable file (permission denied; is its execute bit set?)");
            return new TaskRunnerResult(CannotExecuteExitCode, Killed: false);
        }

        if (executable is null)
        {
            sink.OnStderr($"harrier: cannot run '{program}': no such executable file (searched PATH={path ?? "<unset>"}, working directory {request.WorkingDirectory})");
            return new TaskRunnerResult(CommandNotFoundExitCode, Killed: false);
        }

        // Inherited by every descendant that keeps its environment: how those that leave the group are recognised.
        var marker = Guid.NewGuid().ToString("N");
        environment[TaskLeftovers.MarkerVariable] = marker;
        var start = new ChildStartInfo(executable, request.Arguments, request.WorkingDirectory, environment);
        var delivery = new OutputDelivery(sink);
        IChildProcess child;
        try
        {
            child = _options.Launcher == ChildLauncher.PosixSpawn
                ? Subreaper.Start<IChildProcess>(() => SpawnedChildProcess.Start(start, delivery, _options.MaxLineBytes))
                : Subreaper.Start<IChildProcess>(() => SetsidChildProcess.Start(start, _options.SetsidPath, delivery, _options.MaxLineBytes));
        }
        catch (Exception exception) when (exception is IOException or System.ComponentModel.Win32Exception)
        {
            // e.g. a file without a #! line or for another architecture: 126, as a shell says "cannot execute".
            sink.OnStderr($"harrier: cannot run '{program}' ({executable}): {exception.Message}");
            return new TaskRunnerResult(CannotExecuteExitCode, Killed: false);
        }

        try
        {
            return await SuperviseAsync(child, new TaskLeftovers(child.Id, marker), delivery, request, cancellationToken);
        }
        finally
        {
            child.Dispose();
        }
    }

    private async Task<TaskRunnerResult> SuperviseAsync(IChildProcess child, TaskLeftovers leftovers, OutputDelivery delivery, TaskRunnerRequest request, CancellationToken cancellationToken)
    {
        var killed = false;
        try
        {
            await child.Exited.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            killed = true;
            await leftovers.StopAsync(request.KillGracePeriod, child.Exited);
            // With the setsid-binary launcher the child leads its group only once setsid(1) has run: a kill arriving in
            // the first moments found no group to signal, and waiting for the exit alone hung for as long as the script
            // ran (seen with a timeout fired 0–15 ms in). So the stop is repeated until the main process is gone.
            while (!await EndsWithinAsync(child.Exited, KillRetryInterval))
            {
                await leftovers.StopAsync(request.KillGracePeriod, child.Exited);
            }
        }

        if (!killed)
        {
            await StopLeftoversAsync(leftovers, child, request.KillGracePeriod);
        }

        if (!await EndsWithinAsync(child.OutputEnded, _options.PostExitDrainWindow))
        {
            // A descendant that escaped the group (it called setsid) holds a pipe: stop reading it.
            delivery.Abandon();
            child.StopReading();
        }

        if (delivery.SinkFailure is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        return new TaskRunnerResult(await child.Exited, killed);
    }

    private async Task StopLeftoversAsync(TaskLeftovers leftovers, IChildProcess child, TimeSpan gracePeriod)
    {
        await EndsWithinAsync(child.OutputEnded, _options.PostExitDrainWindow);
        // The common case ends here: nothing is left (a signal to an empty group, one read of this process's children).
        if (!leftovers.AnyLeft())
        {
            return;
        }

        await leftovers.StopAsync(gracePeriod, child.Exited);
    }

    private static async Task<bool> EndsWithinAsync(Task task, TimeSpan timeout)
    {
        try
        {
            await task.WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        catch (Exception)
        {
            // A read error ends reading just like end of file does.
            return true;
        }
    }
}
