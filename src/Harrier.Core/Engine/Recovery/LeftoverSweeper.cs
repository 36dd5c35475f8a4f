using System.Diagnostics;
using System.Globalization;
using Harrier.Core.Engine.Coordination;

namespace Harrier.Core.Engine.Recovery;

/// <summary>
/// Removes, on this machine, what Harrier processes that died left behind: the processes their tasks started (found by
/// <see cref="AttemptEnvironment.WorkerVariable"/>, descendants included), their scratch folders under the temp root,
/// and whatever the <see cref="IAttemptReaper"/>s find (containers). Every Harrier process runs it at start, before it
/// runs anything, so an interrupted attempt never runs beside its re-run. Only dead processes' leftovers are touched:
/// a process is dead when its pid is gone or now belongs to a process started at another time.
/// </summary>
public sealed class LeftoverSweeper(IReadOnlyList<IAttemptReaper> reapers)
{
    public async Task<SweepReport> SweepAsync(string tempRoot, CancellationToken cancellationToken)
    {
        var killed = KillOrphanedProcesses();
        var removed = RemoveDeadScratchFolders(tempRoot);
        var reaped = new List<string>();
        var problems = new List<string>();
        foreach (var reaper in reapers)
        {
            try
            {
                reaped.AddRange(await reaper.ReapAsync(IsDeadWorker, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                // No container engine here, or not ours to touch: what it would have removed waits for the next sweep.
                problems.Add(ex.Message);
            }
        }

        return new SweepReport(killed, removed, reaped) { Problems = problems };
    }

    /// <summary>Pids of the processes of this machine whose worker mark <paramref name="isWorker"/> accepts.</summary>
    public static IReadOnlyList<int> FindMarkedProcesses(Func<string, bool> isWorker) => ProcessTable.WithEnvironment(AttemptEnvironment.WorkerVariable, isWorker);

    /// <summary>Whether a worker mark names a process of this machine that is gone (unparseable or remote marks: no).</summary>
    public static bool IsDeadWorker(string mark) => ProcessIdentity.TryParse(mark)?.IsAlive() == false;

    private static List<string> KillOrphanedProcesses()
    {
        var killed = new List<string>();
        foreach (var pid in FindMarkedProcesses(IsDeadWorker))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                var name = process.ProcessName;
                process.Kill(entireProcessTree: false);
                killed.Add($"{pid.ToString(CultureInfo.InvariantCulture)} ({name})");
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
            {
                // Gone meanwhile, or not ours to kill.
            }
        }

        return killed;
    }

    private static List<string> RemoveDeadScratchFolders(string tempRoot)
    {
        var removed = new List<string>();
        if (!Directory.Exists(tempRoot))
        {
            return removed;
        }

        foreach (var folder in Directory.EnumerateDirectories(tempRoot, EngineOptions.ScratchPrefix + "*"))
        {
            // p-host-pid-start.instance (EngineOptions.ScratchDirectory).
            var name = Path.GetFileName(folder)[EngineOptions.ScratchPrefix.Length..];
            var dot = name.LastIndexOf('.');
            var identity = ProcessIdentity.TryParseFileName(dot > 0 ? name[..dot] : name);
            if (identity?.IsAlive() != false)
            {
                continue;
            }

            try
            {
                Directory.Delete(folder, recursive: true);
                removed.Add(folder);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Still held (a file open by a process this sweep could not kill); the next sweep tries again.
            }
        }

        return removed;
    }
}
