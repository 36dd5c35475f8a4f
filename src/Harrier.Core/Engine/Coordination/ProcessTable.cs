using System.Globalization;

namespace Harrier.Core.Engine.Coordination;

/// <summary>Reads <c>/proc</c>: process start times and environments (Linux; elsewhere it knows nothing).</summary>
internal static class ProcessTable
{
    /// <summary>
    /// Field 22 of <c>/proc/PID/stat</c> (start time in clock ticks after boot), or null when there is no such process — or
    /// only its corpse: a zombie (state Z or X) is dead, even if nobody has reaped it yet (orphans in a container whose
    /// first process does not reap stay zombies for ever).
    /// </summary>
    public static long? StartTicks(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
        var close = stat.LastIndexOf(')');
        if (close < 0)
        {
            return null;
        }

        var fields = stat[(close + 2)..].Split(' ');
        // fields[0] is field 3 (state); field 22 is fields[19].
        if (fields.Length <= 19 || fields[0] is "Z" or "X" or "x")
        {
            return null;
        }

        return long.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) ? ticks : null;
    }

    /// <summary>Pids of every process whose environment holds <c>name=value</c> (those this user may read).</summary>
    public static IReadOnlyList<int> WithEnvironment(string name, Func<string, bool> matches)
    {
        var found = new List<int>();
        string[] entries;
        try
        {
            entries = Directory.GetDirectories("/proc");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return found;
        }

        var prefix = System.Text.Encoding.UTF8.GetBytes(name + "=");
        foreach (var entry in entries)
        {
            if (!int.TryParse(Path.GetFileName(entry), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            byte[] environ;
            try
            {
                environ = File.ReadAllBytes(Path.Combine(entry, "environ"));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var variable in Split(environ))
            {
                if (variable.AsSpan().StartsWith(prefix) && matches(System.Text.Encoding.UTF8.GetString(variable, prefix.Length, variable.Length - prefix.Length)))
                {
                    found.Add(pid);
                    break;
                }
            }
        }

        return found;
    }

    private static IEnumerable<byte[]> Split(byte[] environ)
    {
        var start = 0;
        for (var i = 0; i <= environ.Length; i++)
        {
            if (i == environ.Length || environ[i] == 0)
            {
                if (i > start)
                {
                    yield return environ[start..i];
                }

                start = i + 1;
            }
        }
    }
}
