using System.Diagnostics;
using SystemProcess = System.Diagnostics.Process;

namespace Harrier.Scripts.Runners.Process;

/// <summary>
/// Starts a child with System.Diagnostics.Process through the <c>setsid</c> binary. setsid does not
/// fork when its caller is not a group leader (true for a freshly forked child), so the pid we see
/// is the new session's and group's id. Portable fallback for <see cref="SpawnedChildProcess"/>.
/// </summary>
internal sealed class SetsidChildProcess : IChildProcess
{
    private readonly SystemProcess _process;

    private SetsidChildProcess(SystemProcess process)
    {
        _process = process;
        Exited = WaitAsync(process);
    }

    public int Id => _process.Id;

    public Stream StandardOutput => _process.StandardOutput.BaseStream;

    public Stream StandardError => _process.StandardError.BaseStream;

    public Task<int> Exited { get; }

    public static SetsidChildProcess Start(ChildStartInfo start, string setsidPath)
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
        return new SetsidChildProcess(process);
    }

    // Only the process handle: the output pump disposes the pipe streams after reading them to the end
    // (closing them here while a read is blocked on an escaped descendant's pipe would hang).
    public void Dispose() => _process.SafeHandle.Dispose();

    private static async Task<int> WaitAsync(SystemProcess process)
    {
        await process.WaitForExitAsync(CancellationToken.None);
        return process.ExitCode;
    }
}
