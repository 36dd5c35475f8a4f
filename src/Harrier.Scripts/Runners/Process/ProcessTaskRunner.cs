using System.Diagnostics;
using System.Runtime.ExceptionServices;
using SystemProcess = System.Diagnostics.Process;

namespace Harrier.Scripts.Runners.Process;

/// <summary>
/// Runs an argv as a local child process (Kestra's <c>io.kestra.plugin.core.runner.Process</c>).
/// </summary>
/// <remarks>
/// The child starts through <c>setsid</c>, so it leads a new session and process group and every
/// descendant that does not call setsid() itself can be signalled at once. setsid does not fork when
/// its caller is not a group leader (true for a freshly forked child), so the pid we see is the
/// group id; the extra exec is the whole cost. Nothing started for a task outlives it: once the main
/// process exits, output still in flight is read for <see cref="ProcessTaskRunnerOptions.PostExitDrainWindow"/>,
/// then whatever is left in the group gets SIGTERM and, after the grace period, SIGKILL. Without
/// that, a background job holding stdout open would keep the task running forever.
/// A program that cannot be found ends the run with exit code 127, like a shell, after one stderr
/// line naming the program and the PATH searched, so the user sees why in the task's logs.
/// </remarks>
public sealed class ProcessTaskRunner : ITaskRunner
{
    public const int CommandNotFoundExitCode = 127;

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

        var startInfo = CreateStartInfo(request);
        var program = request.Arguments[0];
        startInfo.Environment.TryGetValue("PATH", out var path);
        var executable = ExecutableResolver.Resolve(program, request.WorkingDirectory, path);
        if (executable is null)
        {
            sink.OnStderr($"harrier: cannot run '{program}': no such executable file (searched PATH={path ?? "<unset>"}, working directory {request.WorkingDirectory})");
            return new TaskRunnerResult(CommandNotFoundExitCode, Killed: false);
        }

        startInfo.ArgumentList.Add(executable);
        for (var i = 1; i < request.Arguments.Count; i++)
        {
            startInfo.ArgumentList.Add(request.Arguments[i]);
        }

        using var process = SystemProcess.Start(startInfo)
            ?? throw new InvalidOperationException($"The process '{program}' could not be started.");
        // Scripts read an empty stdin rather than hang waiting for input nobody will type.
        process.StandardInput.Close();
        using var output = new ProcessOutputPump(process, sink, _options.MaxLineBytes);
        var groupId = process.Id;
        var killed = false;
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            killed = true;
            await StopGroupAsync(process, groupId, request.KillGracePeriod);
        }

        if (!killed)
        {
            await StopLeftoversAsync(output, groupId, request.KillGracePeriod);
        }

        await output.FinishAsync(_options.PostExitDrainWindow);
        if (output.SinkFailure is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        return new TaskRunnerResult(process.ExitCode, killed);
    }

    private ProcessStartInfo CreateStartInfo(TaskRunnerRequest request)
    {
        var startInfo = new ProcessStartInfo(_options.SetsidPath)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = request.WorkingDirectory,
        };
        if (!request.InheritEnvironment)
        {
            startInfo.Environment.Clear();
        }

        foreach (var (name, value) in request.Environment)
        {
            startInfo.Environment[name] = value;
        }

        return startInfo;
    }

    private static async Task StopGroupAsync(SystemProcess process, int groupId, TimeSpan gracePeriod)
    {
        ProcessGroupSignals.Signal(groupId, ProcessGroupSignals.SigTerm);
        try
        {
            await process.WaitForExitAsync(CancellationToken.None).WaitAsync(gracePeriod);
        }
        catch (TimeoutException)
        {
            // The grace period is over: what did not stop politely is stopped forcibly below.
        }

        ProcessGroupSignals.Signal(groupId, ProcessGroupSignals.SigKill);
        await process.WaitForExitAsync(CancellationToken.None);
    }

    private async Task StopLeftoversAsync(ProcessOutputPump output, int groupId, TimeSpan gracePeriod)
    {
        await output.WaitForEndAsync(_options.PostExitDrainWindow);
        // The common case ends here: the group is empty and the signal finds nobody (one syscall).
        if (!ProcessGroupSignals.Signal(groupId, ProcessGroupSignals.SigTerm))
        {
            return;
        }

        await output.WaitForEndAsync(gracePeriod);
        ProcessGroupSignals.Signal(groupId, ProcessGroupSignals.SigKill);
    }
}
