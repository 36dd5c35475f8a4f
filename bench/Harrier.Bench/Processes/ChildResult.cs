namespace Harrier.Bench.Processes;

/// <summary>How one child process ended: exit code (128+signal when killed), wall time, output.</summary>
/// <param name="PeakRssKb">Peak RSS of the child (or its largest descendant) when run through
/// <see cref="ChildProcess.RunMeasured"/>; 0 otherwise.</param>
public sealed record ChildResult(int ExitCode, TimeSpan Elapsed, string Stdout, string Stderr, long PeakRssKb = 0)
{
    public bool Succeeded => ExitCode == 0;
}
