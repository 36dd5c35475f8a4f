using System.Diagnostics;
using SystemProcess = System.Diagnostics.Process;

namespace Harrier.Scripts.Runners.Process;

/// <summary>
/// Starts a child with System.Diagnostics.Process through the <c>setsid</c> binary. setsid does not
/// fork when its caller is not a group leader (true for a freshly forked child), so the pid we see
/// is the new session's and group's id. Portable fallback for <see cref="SpawnedChildProcess"/>.
/// Each stream is read by a dedicated thread: pipe reads block, and on the thread pool two per
/// running task would starve it on a busy worker.
/// </summary>
internal sealed class SetsidChildProcess : IChildProcess
{
    private readonly SystemProcess _process;

    private SetsidChildProcess(SystemProcess process, OutputDelivery delivery, int maxLineBytes)
    {
        _process = process;
        Exited = WaitAsync(process);
        OutputEnded = Task.WhenAll(
            ReadOnThread(process.StandardOutput.BaseStream, new LineSplitter(delivery.Stdout, maxLineBytes, () => delivery.Cut(isStderr: false, maxLineBytes)), $"harrier-stdout-{process.Id}"),
            ReadOnThread(process.StandardError.BaseStream, new LineSplitter(delivery.Stderr, maxLineBytes, () => delivery.Cut(isStderr: true, maxLineBytes)), $"harrier-stderr-{process.Id}"));
    }

    public int Id => _process.Id;

    public Task<int> Exited { get; }

    public Task OutputEnded { get; }

    public static SetsidChildProcess Start(ChildStartInfo start, string setsidPath, OutputDelivery delivery, int maxLineBytes)
    {
        var startInfo = new ProcessStartInfo(setsidPath)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = start.WorkingDirectory,
        };
        startInfo.Environment.Clear();
        foreach (var (name, value) in start.Environment)
        {
            startInfo.Environment[name] = value;
        }

        startInfo.ArgumentList.Add(start.Executable);
        for (var i = 1; i < start.Arguments.Count; i++)
        {
            startInfo.ArgumentList.Add(start.Arguments[i]);
        }

        var process = SystemProcess.Start(startInfo) ?? throw new InvalidOperationException($"'{start.Executable}' could not be started.");
        // Scripts read an empty stdin rather than hang waiting for input nobody will type.
        process.StandardInput.Close();
        return new SetsidChildProcess(process, delivery, maxLineBytes);
    }

    // A reader blocked on an escaped descendant's pipe stays blocked until that pipe closes: a small
    // leak limited to escaped daemons; the delivery is abandoned, so nothing reaches the sink.
    public void StopReading()
    {
    }

    // Only the process handle: each reader disposes its stream after reading it to the end (closing it
    // here while a read is blocked would hang).
    public void Dispose() => _process.SafeHandle.Dispose();

    private static async Task<int> WaitAsync(SystemProcess process)
    {
        await process.WaitForExitAsync(CancellationToken.None);
        return process.ExitCode;
    }

    private static Task ReadOnThread(Stream stream, LineSplitter splitter, string name)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                StreamLineReader.ReadLines(stream, splitter);
                done.SetResult();
            }
            catch (Exception exception)
            {
                done.SetException(exception);
            }
            finally
            {
                stream.Dispose();
            }
        })
        {
            IsBackground = true,
            Name = name,
        };
        thread.Start();
        return done.Task;
    }
}
