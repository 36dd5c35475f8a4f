namespace Harrier.Scripts.Runners.Process;

/// <summary>
/// Makes the worker process the subreaper of everything its tasks start (Linux <c>PR_SET_CHILD_SUBREAPER</c>): a
/// descendant that leaves its task's process group (setsid, a double fork, daemon(3)) and loses its parent is adopted
/// by the worker instead of init, so it stays within reach of <see cref="TaskLeftovers"/>. The worker must then reap
/// adopted orphans itself; it reaps only those nobody else waits for: not a task's main process (its supervisor waits
/// for it) and not in the worker's own process group (System.Diagnostics.Process children, which the runtime reaps).
/// </summary>
internal static unsafe class Subreaper
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<int> Supervised = [];
    private static int _state; // 0: not tried, 1: on, -1: unavailable

    /// <summary>Whether orphans of tasks come to this process (false off Linux, or when the kernel refused).</summary>
    public static bool IsOn
    {
        get
        {
            Enable();
            return _state == 1;
        }
    }

    public static void Enable()
    {
        if (Volatile.Read(ref _state) != 0)
        {
            return;
        }

        lock (Gate)
        {
            if (_state == 0)
            {
                _state = OperatingSystem.IsLinux() && PosixInterop.Prctl(PosixInterop.PrSetChildSubreaper, 1, 0, 0, 0) == 0 ? 1 : -1;
            }
        }
    }

    /// <summary>
    /// Starts a task's main process through <paramref name="start"/> under the gate and remembers it as supervised until
    /// it has been waited for: <see cref="ReapOrphans"/> never takes its exit status.
    /// </summary>
    public static T Start<T>(Func<T> start)
        where T : IChildProcess
    {
        Enable();
        T child;
        lock (Gate)
        {
            child = start();
            Supervised.Add(child.Id);
        }

        // Exited completes once the supervisor has waited for it: the pid is no longer this process's child.
        child.Exited.ContinueWith(_ => Release(child.Id), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return child;
    }

    public static bool IsSupervised(int pid)
    {
        lock (Gate)
        {
            return Supervised.Contains(pid);
        }
    }

    /// <summary>Reaps the zombies among this process's children that nobody else will wait for (see the type's remarks).</summary>
    public static void ReapOrphans()
    {
        if (!IsOn)
        {
            return;
        }

        var self = Environment.ProcessId;
        var ownGroup = PosixInterop.GetProcessGroup();
        lock (Gate)
        {
            foreach (var pid in ProcessTree.ChildrenOf(self))
            {
                if (Supervised.Contains(pid) || ProcStat.Read(pid) is not { IsZombie: true } stat || stat.GroupId == ownGroup || stat.ParentId != self)
                {
                    continue;
                }

                int status;
                _ = PosixInterop.WaitPid(pid, &status, PosixInterop.WNoHang);
            }
        }
    }

    private static void Release(int pid)
    {
        lock (Gate)
        {
            Supervised.Remove(pid);
        }
    }
}
