using System.Globalization;

namespace Harrier.Core.Engine.Coordination;

/// <summary>
/// Who a Harrier process is, in a form that can be checked later even after a reboot or pid reuse: host name, pid,
/// and the process's start time in clock ticks since boot (<c>/proc/PID/stat</c> field 22). Written as
/// <c>host:pid:start</c> wherever the process leaves a trace: as the owner of executions, in worker ids, on its
/// scratch folders, partial uploads, its tasks' environment (<see cref="AttemptEnvironment"/>) and container labels.
/// </summary>
public sealed record ProcessIdentity(string Host, int Pid, long StartTicks)
{
    /// <summary>The machine's host name, without characters that would break the text form.</summary>
    public static readonly string HostName = Environment.MachineName.Replace(':', '_').Replace('/', '_');

    private static readonly Lazy<ProcessIdentity> CurrentProcess = new(() =>
    {
        var pid = Environment.ProcessId;
        return new ProcessIdentity(HostName, pid, ProcessTable.StartTicks(pid) ?? 0);
    });

    /// <summary>This process.</summary>
    public static ProcessIdentity Current => CurrentProcess.Value;

    /// <summary>A process of this machine by pid, or null when there is none.</summary>
    public static ProcessIdentity? Of(int pid) => ProcessTable.StartTicks(pid) is { } start ? new ProcessIdentity(HostName, pid, start) : null;

    public bool IsOnThisHost => string.Equals(Host, HostName, StringComparison.Ordinal);

    public override string ToString() => $"{Host}:{Pid.ToString(CultureInfo.InvariantCulture)}:{StartTicks.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A text form safe in file names (<c>host-pid-start</c>).</summary>
    public string ToFileName() => $"{Host}-{Pid.ToString(CultureInfo.InvariantCulture)}-{StartTicks.ToString(CultureInfo.InvariantCulture)}";

    public static ProcessIdentity? TryParse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var parts = text.Split(':');
        return parts.Length == 3
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            ? new ProcessIdentity(parts[0], pid, start)
            : null;
    }

    /// <summary>Parses the file-name form; the host may contain dashes, the last two fields cannot.</summary>
    public static ProcessIdentity? TryParseFileName(string name)
    {
        var last = name.LastIndexOf('-');
        var middle = last > 0 ? name.LastIndexOf('-', last - 1) : -1;
        return middle > 0 ? TryParse($"{name[..middle]}:{name[(middle + 1)..last]}:{name[(last + 1)..]}") : null;
    }

    /// <summary>
    /// Whether this process still runs. Only answerable on its own host (null elsewhere): the pid must exist and have
    /// started at the same tick, so a reused pid does not pass for the dead process.
    /// </summary>
    public bool? IsAlive()
    {
        if (!IsOnThisHost)
        {
            return null;
        }

        return Pid > 0 && ProcessTable.StartTicks(Pid) is { } start && start == StartTicks;
    }
}
