namespace Harrier.Bench.Processes;

/// <summary>How one child process ended: exit code (128+signal when killed), wall time, and its peak RSS.</summary>
/// <param name="PeakRssKb">The largest RSS of the child or of any descendant it waited for (kernel ru_maxrss).</param>
public sealed record ChildResult(int ExitCode, TimeSpan Elapsed, long PeakRssKb, string Stdout, string Stderr)
{
    public bool Succeeded => ExitCode == 0;
}
