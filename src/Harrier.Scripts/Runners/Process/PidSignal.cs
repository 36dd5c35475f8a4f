namespace Harrier.Scripts.Runners.Process;

/// <summary>
/// Signals one process found by scanning /proc without hitting another that reused its pid meanwhile: a pidfd is
/// opened, the process behind the pid is checked to be the one seen (same start time), and the pidfd is signalled.
/// </summary>
internal static class PidSignal
{
    public static bool Send(ProcStat seen, int signal)
    {
        var pidfd = (int)PosixInterop.Syscall(PosixInterop.SysPidfdOpen, seen.Pid, 0);
        if (pidfd < 0)
        {
            // Kernel older than 5.3: the pid itself, checked once more just before.
            return ProcStat.Read(seen.Pid)?.StartTime == seen.StartTime && PosixInterop.Kill(seen.Pid, signal) == 0;
        }

        try
        {
            return ProcStat.Read(seen.Pid)?.StartTime == seen.StartTime
                && PosixInterop.Syscall(PosixInterop.SysPidfdSendSignal, pidfd, signal, 0, 0) == 0;
        }
        finally
        {
            _ = PosixInterop.Close(pidfd);
        }
    }
}
