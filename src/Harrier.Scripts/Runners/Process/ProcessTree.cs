using System.Globalization;

namespace Harrier.Scripts.Runners.Process;

/// <summary>Reads process relationships from /proc: the children of a process, whether one carries a task's marker.</summary>
internal static class ProcessTree
{
    /// <summary>
    /// The children of <paramref name="pid"/> (every thread's, from <c>/proc/&lt;pid&gt;/task/*/children</c>); for this
    /// process, only its main thread's: orphans adopted by a subreaper go to its main thread.
    /// </summary>
    public static List<int> ChildrenOf(int pid)
    {
        var children = new List<int>();
        if (pid == Environment.ProcessId)
        {
            AddChildren($"/proc/{pid}/task/{pid}/children", children);
            return children;
        }

        try
        {
            foreach (var thread in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                AddChildren(Path.Combine(thread, "children"), children);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The process is gone: no children to report.
        }

        return children;
    }

    /// <summary>Whether the environment the process started with holds <paramref name="marker"/> (<c>NAME=value</c>) as one entry.</summary>
    public static bool HasEnvironmentEntry(int pid, ReadOnlySpan<byte> marker)
    {
        byte[] environment;
        try
        {
            environment = File.ReadAllBytes($"/proc/{pid}/environ");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        var rest = environment.AsSpan();
        while (rest.Length > 0)
        {
            var end = rest.IndexOf((byte)0);
            var entry = end < 0 ? rest : rest[..end];
            if (entry.SequenceEqual(marker))
            {
                return true;
            }

            rest = end < 0 ? [] : rest[(end + 1)..];
        }

        return false;
    }

    private static void AddChildren(string path, List<int> into)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var child))
            {
                into.Add(child);
            }
        }
    }
}
