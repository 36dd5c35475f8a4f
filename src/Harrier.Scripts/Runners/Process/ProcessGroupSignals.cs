using System.Runtime.InteropServices;

namespace Harrier.Scripts.Runners.Process;

/// <summary>Sends signals to a whole process group through libc's <c>kill(-pgid, sig)</c>.</summary>
/// <remarks>
/// Signalling the group rather than walking the tree is what reaches grandchildren that were
/// re-parented to init (a script's <c>sleep 300 &amp;</c>), which Process.Kill(entireProcessTree) misses.
/// A child that calls setsid() itself leaves the group and is out of reach (documented gap).
/// </remarks>
internal static partial class ProcessGroupSignals
{
    public const int SigTerm = 15;
    public const int SigKill = 9;
    private const int NoSuchProcess = 3; // ESRCH

    /// <summary>Signals every process of the group; false when the group has no member left.</summary>
    public static bool Signal(int processGroupId, int signal)
    {
        if (processGroupId <= 1)
        {
            // kill(-1) would signal every process we may signal: never let a bad id get there.
            throw new ArgumentOutOfRangeException(nameof(processGroupId), processGroupId, "Refusing to signal a process group id <= 1.");
        }

        if (Kill(-processGroupId, signal) == 0)
        {
            return true;
        }

        var error = Marshal.GetLastPInvokeError();
        return error != NoSuchProcess;
    }

    /// <summary>True while at least one process (zombies included) is still in the group.</summary>
    public static bool IsAlive(int processGroupId) => Signal(processGroupId, 0);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
