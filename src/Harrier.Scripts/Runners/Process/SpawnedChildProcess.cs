using System.Runtime.InteropServices;

namespace Harrier.Scripts.Runners.Process;

/// <summary>
/// A child started by <see cref="PosixSpawner"/>, supervised by ONE dedicated thread that polls its
/// stdout, stderr, a pidfd (readable when the child exits) and a wake-up eventfd. One thread per task
/// instead of three: on a loaded machine each thread start costs a scheduling delay (~0.3 ms measured).
/// The .NET runtime reaps only the children it started itself, so it never steals this one's status.
/// </summary>
internal sealed unsafe class SpawnedChildProcess : IChildProcess
{
    /// <summary>Reads smaller than this (in one poll round) mean a trickle of lines worth batching.</summary>
    private const int CoalesceBelowBytes = 16 * 1024;

    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _outputEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly LineSplitter _stdoutLines;
    private readonly LineSplitter _stderrLines;
    private readonly Lock _wakeGate = new();
    private int _wakeFd;
    private int _stdoutFd;
    private int _stderrFd;
    private int _pidFd;

    private SpawnedChildProcess(int pid, int stdoutFd, int stderrFd, OutputDelivery delivery, int maxLineBytes)
    {
        Id = pid;
        _stdoutFd = stdoutFd;
        _stderrFd = stderrFd;
        _stdoutLines = new LineSplitter(delivery.Stdout, maxLineBytes, () => delivery.Cut(isStderr: false, maxLineBytes));
        _stderrLines = new LineSplitter(delivery.Stderr, maxLineBytes, () => delivery.Cut(isStderr: true, maxLineBytes));
        _wakeFd = PosixInterop.EventFd(0, PosixInterop.EventFdCloexec);
        _pidFd = (int)PosixInterop.Syscall(PosixInterop.SysPidfdOpen, pid, 0);
        if (_pidFd < 0)
        {
            // Kernel older than 5.3: a second thread blocks in waitpid instead.
            new Thread(() => _exited.TrySetResult(Reap(pid))) { IsBackground = true, Name = $"harrier-wait-{pid}" }.Start();
        }

        new Thread(Supervise) { IsBackground = true, Name = $"harrier-child-{pid}" }.Start();
    }

    public int Id { get; }

    public Task<int> Exited => _exited.Task;

    public Task OutputEnded => _outputEnded.Task;

    public static SpawnedChildProcess Start(ChildStartInfo start, OutputDelivery delivery, int maxLineBytes)
    {
        var (pid, stdout, stderr) = PosixSpawner.Spawn(start);
        return new SpawnedChildProcess(pid, stdout, stderr, delivery, maxLineBytes);
    }

    public void StopReading()
    {
        // Under the gate: once the loop has closed the eventfd its number may belong to another task.
        lock (_wakeGate)
        {
            if (_wakeFd >= 0)
            {
                long one = 1;
                _ = PosixInterop.Write(_wakeFd, (byte*)&one, sizeof(long));
            }
        }
    }

    // The supervising thread owns and closes every descriptor.
    public void Dispose()
    {
    }

    private void Supervise()
    {
        var buffer = (byte*)NativeMemory.Alloc(StreamLineReader.ChunkSize);
        var fds = stackalloc PollFd[4];
        try
        {
            while (_stdoutFd >= 0 || _stderrFd >= 0 || _pidFd >= 0)
            {
                var count = 0;
                foreach (var fd in (ReadOnlySpan<int>)[_stdoutFd, _stderrFd, _pidFd, _wakeFd])
                {
                    if (fd >= 0)
                    {
                        fds[count++] = new PollFd { Fd = fd, Events = PosixInterop.PollIn };
                    }
                }

                if (PosixInterop.Poll(fds, (nuint)count, -1) < 0)
                {
                    if (Marshal.GetLastPInvokeError() == PosixInterop.Eintr)
                    {
                        continue;
                    }

                    return; // cannot happen with valid descriptors; never spin
                }

                var readThisRound = 0L;
                for (var i = 0; i < count; i++)
                {
                    if (fds[i].ReturnedEvents == 0)
                    {
                        continue;
                    }

                    var fd = fds[i].Fd;
                    if (fd == _wakeFd)
                    {
                        return;
                    }

                    if (fd == _pidFd)
                    {
                        // A readable pidfd means the child is a zombie: this waitpid returns at once.
                        _exited.TrySetResult(Reap(Id));
                        CloseFd(ref _pidFd);
                    }
                    else if (fd == _stdoutFd)
                    {
                        readThisRound += Drain(ref _stdoutFd, _stdoutLines, buffer);
                    }
                    else if (fd == _stderrFd)
                    {
                        readThisRound += Drain(ref _stderrFd, _stderrLines, buffer);
                    }
                }

                // A child writing line by line (PYTHONUNBUFFERED, flush per line) would otherwise cost one
                // poll + read per line. The lines just read are already delivered; pausing a millisecond lets the
                // next ones gather in the pipe, so a million-line task costs a few thousand reads, not a million.
                if (readThisRound is > 0 and < CoalesceBelowBytes)
                {
                    Thread.Sleep(1);
                }
            }
        }
        finally
        {
            // Left early (poll failure) while the child runs: someone must still reap it.
            if (_pidFd >= 0)
            {
                new Thread(() => _exited.TrySetResult(Reap(Id))) { IsBackground = true, Name = $"harrier-wait-{Id}" }.Start();
            }

            CloseFd(ref _stdoutFd);
            CloseFd(ref _stderrFd);
            CloseFd(ref _pidFd);
            lock (_wakeGate)
            {
                CloseFd(ref _wakeFd);
            }

            NativeMemory.Free(buffer);
            _outputEnded.TrySetResult();
        }
    }

    private long Drain(ref int fd, LineSplitter lines, byte* buffer)
    {
        var read = PosixInterop.Read(fd, buffer, StreamLineReader.ChunkSize);
        if (read > 0)
        {
            lines.Push(new ReadOnlySpan<byte>(buffer, (int)read));
            return read;
        }
        else if (read == 0 || Marshal.GetLastPInvokeError() != PosixInterop.Eintr)
        {
            lines.Flush();
            CloseFd(ref fd);
            if (_stdoutFd < 0 && _stderrFd < 0)
            {
                _outputEnded.TrySetResult();
            }
        }

        return 0;
    }

    private static void CloseFd(ref int fd)
    {
        if (fd >= 0)
        {
            _ = PosixInterop.Close(fd);
            fd = -1;
        }
    }

    private static int Reap(int pid)
    {
        int status;
        while (PosixInterop.WaitPid(pid, &status, 0) < 0)
        {
            if (Marshal.GetLastPInvokeError() != PosixInterop.Eintr)
            {
                // ECHILD: someone else reaped it (only possible if SIGCHLD was ignored at start-up).
                return -1;
            }
        }

        var termSignal = status & 0x7f;
        return termSignal == 0 ? (status >> 8) & 0xff : 128 + termSignal;
    }
}
