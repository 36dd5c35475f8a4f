using System.Text;

namespace Harrier.Scripts.Runners.Process;

/// <summary>
/// Finds and stops whatever a task started that is still running: its process group (one signal), and every
/// descendant that left the group — found among the orphans the worker adopted (<see cref="Subreaper"/>) by its group,
/// its session or the task's marker variable in the environment it started with, with everything below them.
/// Signals go through pidfds checked against the process's start time, so a pid reused meanwhile is never hit.
/// </summary>
/// <remarks>
/// A descendant that both leaves the task's session and clears its environment, then loses its parent, cannot be told
/// apart from another task's; it is stopped only if one of its ancestors is found. Killing Harrier itself with SIGKILL
/// leaves descendants behind (nothing runs to stop them).
/// </remarks>
internal sealed class TaskLeftovers
{
    /// <summary>The variable every task process gets; its value is unique to the run.</summary>
    public const string MarkerVariable = "HARRIER_TASK_PROCESS";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    private readonly int _groupId;
    private readonly byte[] _marker;

    public TaskLeftovers(int groupId, string markerValue)
    {
        _groupId = groupId;
        _marker = Encoding.UTF8.GetBytes($"{MarkerVariable}={markerValue}");
    }

    /// <summary>Whether anything of the task is still running: a member of its group, or a process that escaped it.</summary>
    public bool AnyLeft()
    {
        // A member that died is a zombie of this process (adopted) and would still count in its group.
        Subreaper.ReapOrphans();
        return ProcessGroupSignals.IsAlive(_groupId) || Find().Count > 0;
    }

    /// <summary>
    /// SIGTERM to everything of the task, then SIGKILL to what is left after <paramref name="gracePeriod"/> (or as soon
    /// as <paramref name="mainExited"/> completes and nothing else is left), repeated until nothing is; orphans reaped.
    /// </summary>
    public async Task StopAsync(TimeSpan gracePeriod, Task mainExited)
    {
        var signalled = ProcessGroupSignals.Signal(_groupId, ProcessGroupSignals.SigTerm) | Signal(Find(), ProcessGroupSignals.SigTerm);
        if (signalled)
        {
            var deadline = DateTime.UtcNow + gracePeriod;
            while (DateTime.UtcNow < deadline && (!mainExited.IsCompleted || AnyLeft()))
            {
                await Task.Delay(PollInterval).ConfigureAwait(false);
            }

            // Forcibly, until nothing is left: a process forked between two scans is caught by the next one.
            for (var round = 0; round < 50; round++)
            {
                var group = ProcessGroupSignals.Signal(_groupId, ProcessGroupSignals.SigKill);
                var escaped = Signal(Find(), ProcessGroupSignals.SigKill);
                if (!group && !escaped)
                {
                    break;
                }

                await Task.Delay(PollInterval / 4).ConfigureAwait(false);
            }
        }

        Subreaper.ReapOrphans();
    }

    /// <summary>The live processes of the task outside the reach of its group signal's guarantees (escaped or not), main process excluded.</summary>
    private List<ProcStat> Find()
    {
        var roots = new List<int>(ProcessTree.ChildrenOf(_groupId));
        foreach (var pid in Subreaper.IsOn ? ProcessTree.ChildrenOf(Environment.ProcessId) : AllProcesses())
        {
            if (pid == _groupId || Subreaper.IsSupervised(pid) || ProcStat.Read(pid) is not { IsZombie: false } stat)
            {
                continue;
            }

            if (stat.GroupId == _groupId || stat.SessionId == _groupId || ProcessTree.HasEnvironmentEntry(pid, _marker))
            {
                roots.Add(pid);
            }
        }

        // Everything below a process of the task was started by it.
        var found = new List<ProcStat>();
        var seen = new HashSet<int>();
        var queue = new Queue<int>(roots);
        while (queue.TryDequeue(out var pid))
        {
            if (pid == _groupId || !seen.Add(pid) || ProcStat.Read(pid) is not { IsZombie: false } stat)
            {
                continue;
            }

            found.Add(stat);
            foreach (var child in ProcessTree.ChildrenOf(pid))
            {
                queue.Enqueue(child);
            }
        }

        return found;
    }

    // Without a subreaper (not Linux, or refused) orphans go to init: every process has to be looked at.
    private static IEnumerable<int> AllProcesses() =>
        Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(name => name is { Length: > 0 } && char.IsAsciiDigit(name[0])).Select(name => int.Parse(name!, System.Globalization.CultureInfo.InvariantCulture));

    private static bool Signal(List<ProcStat> processes, int signal)
    {
        var any = false;
        foreach (var process in processes)
        {
            any |= PidSignal.Send(process, signal);
        }

        return any;
    }
}
