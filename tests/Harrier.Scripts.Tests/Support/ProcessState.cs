namespace Harrier.Scripts.Tests.Support;

/// <summary>Reads /proc to tell whether a pid is still a running (non-zombie) process.</summary>
internal static class ProcessState
{
    public static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Field 3, after the parenthesised command name, is the state; Z = zombie (already dead).
            var state = stat[(stat.LastIndexOf(')') + 2)..][0];
            return state != 'Z' && state != 'X';
        }
        catch (IOException)
        {
            return false;
        }
    }
}
