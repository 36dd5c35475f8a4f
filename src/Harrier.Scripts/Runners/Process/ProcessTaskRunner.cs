using System.Runtime.ExceptionServices;

namespace Harrier.Scripts.Runners.Process;

/// <summary>
/// Runs an argv as a local child process (Kestra's <c>io.kestra.plugin.core.runner.Process</c>).
/// </summary>
/// <remarks>
/// The child leads a new session and process group (see <see cref="ChildLauncher"/>), so every
/// descendant that does not call setsid() itself is signalled at once through the group. Nothing
/// started for a task outlives it: once the main process exits, output still in flight is read for
/// <see cref="ProcessTaskRunnerOptions.PostExitDrainWindow"/>, then whatever is left in the group gets
/// SIGTERM and, after the grace period, SIGKILL. Without that, a background job holding stdout open
/// would keep the task running forever, and a daemonised one would leak past it.
/// A program that cannot be found ends the run with exit code 127 (one that cannot be executed: 126),
/// like a shell, after one stderr line naming the program and the PATH searched, so the user sees why
/// in the task's logs instead of a stack trace.
/// </remarks>
public sealed class ProcessTaskRunner : ITaskRunner
{
    public const int CommandNotFoundExitCode = 127;
    public const int CannotExecuteExitCode = 126;

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
        if (executable is null)
        {
            sink.OnStderr($"harrier: cannot run '{program}': no such executable file (searched PATH={path ?? "<unset>"}, working directory {request.WorkingDirectory})");
            return new TaskRunnerResult(CommandNotFoundExitCode, Killed: false);
        }

        var start = new ChildStartInfo(executable, request.Arguments, request.WorkingDirectory, environment);
        var delivery = new OutputDelivery(sink);
        IChildProcess child;
        try
        {
            child = _options.Launcher == ChildLauncher.PosixSpawn
                ? SpawnedChildProcess.Start(start, delivery, _options.MaxLineBytes)
                : SetsidChildProcess.Start(start, _options.SetsidPath, delivery, _options.MaxLineBytes);
        }
        catch (Exception exception) when (exception is IOException or System.ComponentModel.Win32Exception)
        {
            // e.g. a file without a #! line or for another architecture: 126, as a shell says "cannot execute".
            sink.OnStderr($"harrier: cannot run '{program}' ({executable}): {exception.Message}");
            return new TaskRunnerResult(CannotExecuteExitCode, Killed: false);
        }

        try
        {
            return await SuperviseAsync(child, delivery, request, cancellationToken);
        }
        finally
        {
            child.Dispose();
        }
    }

    private async Task<TaskRunnerResult> SuperviseAsync(IChildProcess child, OutputDelivery delivery, TaskRunnerRequest request, CancellationToken cancellationToken)
    {
        var killed = false;
        try
        {
            await child.Exited.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            killed = true;
            await StopGroupAsync(child, request.KillGracePeriod);
        }

        if (!killed)
        {
            await StopLeftoversAsync(child, request.KillGracePeriod);
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

    private static async Task StopGroupAsync(IChildProcess child, TimeSpan gracePeriod)
    {
        ProcessGroupSignals.Signal(child.Id, ProcessGroupSignals.SigTerm);
        try
        {
            await child.Exited.WaitAsync(gracePeriod);
        }
        catch (TimeoutException)
        {
            // The grace period is over: what did not stop politely is stopped forcibly below.
        }

        ProcessGroupSignals.Signal(child.Id, ProcessGroupSignals.SigKill);
        await child.Exited;
    }

    private async Task StopLeftoversAsync(IChildProcess child, TimeSpan gracePeriod)
    {
        await EndsWithinAsync(child.OutputEnded, _options.PostExitDrainWindow);
        // The common case ends here: the group is empty and the signal finds nobody (one syscall).
        if (!ProcessGroupSignals.Signal(child.Id, ProcessGroupSignals.SigTerm))
        {
            return;
        }

        await EndsWithinAsync(child.OutputEnded, gracePeriod);
        ProcessGroupSignals.Signal(child.Id, ProcessGroupSignals.SigKill);
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
