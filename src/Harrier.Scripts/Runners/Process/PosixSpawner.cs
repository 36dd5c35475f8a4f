using System.Runtime.InteropServices;

namespace Harrier.Scripts.Runners.Process;

/// <summary>
/// Starts a child with libc <c>posix_spawn</c> and <c>POSIX_SPAWN_SETSID</c>: the child leads a new
/// session and process group from its first instruction, without the extra exec of a setsid wrapper.
/// stdin is /dev/null; stdout/stderr are close-on-exec pipes duplicated onto 1 and 2; signal mask and
/// dispositions are reset (the .NET runtime ignores SIGPIPE, which a child must not inherit).
/// </summary>
internal static unsafe class PosixSpawner
{
    /// <summary>The child's pid and the parent's read ends of its stdout and stderr pipes.</summary>
    public static (int Pid, int Stdout, int Stderr) Spawn(ChildStartInfo start)
    {
        var stdout = CreatePipe();
        var stderr = CreatePipe();
        using var strings = new NativeStrings();
        var fileActions = NativeMemory.AllocZeroed(PosixInterop.FileActionsSize);
        var attributes = NativeMemory.AllocZeroed(PosixInterop.AttributesSize);
        var signals = NativeMemory.AllocZeroed(PosixInterop.SignalSetSize);
        try
        {
            Check(PosixInterop.FileActionsInit(fileActions), "posix_spawn_file_actions_init");
            Check(PosixInterop.FileActionsAddOpen(fileActions, 0, strings.Add("/dev/null"), PosixInterop.ORdonly, 0), "addopen");
            Check(PosixInterop.FileActionsAddDup2(fileActions, stdout.Write, 1), "adddup2");
            Check(PosixInterop.FileActionsAddDup2(fileActions, stderr.Write, 2), "adddup2");
            Check(PosixInterop.FileActionsAddChdir(fileActions, strings.Add(start.WorkingDirectory)), "addchdir_np");
            Check(PosixInterop.AttributesInit(attributes), "posix_spawnattr_init");
            Check(PosixInterop.AttributesSetFlags(attributes, PosixInterop.SpawnSetSid | PosixInterop.SpawnSetSigMask | PosixInterop.SpawnSetSigDef), "setflags");
            _ = PosixInterop.SignalSetEmpty(signals);
            Check(PosixInterop.AttributesSetSignalMask(attributes, signals), "setsigmask");
            for (var signal = 1; signal < 32; signal++)
            {
                // SIGKILL and SIGSTOP cannot be given a disposition.
                if (signal is not (9 or 19))
                {
                    _ = PosixInterop.SignalSetAdd(signals, signal);
                }
            }

            Check(PosixInterop.AttributesSetSignalDefault(attributes, signals), "setsigdefault");
            var argv = strings.AddArray(start.Arguments);
            var envp = strings.AddArray(start.Environment.Select(kv => kv.Key + "=" + kv.Value).ToList());
            int pid;
            var error = PosixInterop.Spawn(&pid, strings.Add(start.Executable), fileActions, attributes, argv, envp);
            if (error != 0)
            {
                _ = PosixInterop.Close(stdout.Read);
                _ = PosixInterop.Close(stderr.Read);
                throw new IOException($"{Marshal.GetPInvokeErrorMessage(error)} (errno {error})");
            }

            return (pid, stdout.Read, stderr.Read);
        }
        finally
        {
            // The parent keeps only the read ends; the child has its own copies of the write ends.
            _ = PosixInterop.Close(stdout.Write);
            _ = PosixInterop.Close(stderr.Write);
            _ = PosixInterop.FileActionsDestroy(fileActions);
            _ = PosixInterop.AttributesDestroy(attributes);
            NativeMemory.Free(fileActions);
            NativeMemory.Free(attributes);
            NativeMemory.Free(signals);
        }
    }

    private static (int Read, int Write) CreatePipe()
    {
        var fds = stackalloc int[2];
        if (PosixInterop.Pipe2(fds, PosixInterop.OCloexec) != 0)
        {
            throw new IOException($"pipe2 failed: {Marshal.GetLastPInvokeErrorMessage()}");
        }

        return (fds[0], fds[1]);
    }

    private static void Check(int result, string call)
    {
        if (result != 0)
        {
            throw new IOException($"{call} failed: {Marshal.GetPInvokeErrorMessage(result)} (errno {result})");
        }
    }
}
