using System.Globalization;

namespace Harrier.Scripts.Runners.Process;

/// <summary>What <c>/proc/&lt;pid&gt;/stat</c> says about a process: state, parent, group, session, start time.</summary>
internal readonly record struct ProcStat(int Pid, char State, int ParentId, int GroupId, int SessionId, ulong StartTime)
{
    public bool IsZombie => State is 'Z' or 'X';

    /// <summary>The process's status, or null when it is gone (or /proc cannot be read).</summary>
    public static ProcStat? Read(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // The command name is in parentheses and may hold spaces or ')': fields start after the last ')'.
        var close = text.LastIndexOf(')');
        if (close < 0 || close + 2 >= text.Length)
        {
            return null;
        }

        var fields = text[(close + 2)..].Split(' ');
        if (fields.Length < 20)
        {
            return null;
        }

        var culture = CultureInfo.InvariantCulture;
        return new ProcStat(pid, fields[0][0], int.Parse(fields[1], culture), int.Parse(fields[2], culture), int.Parse(fields[3], culture), ulong.Parse(fields[19], culture));
    }
}
