namespace Harrier.Core.Engine.Recovery;

/// <summary>What a sweep removed, one line each (for the user: what was still running is news).</summary>
public sealed record SweepReport(IReadOnlyList<string> KilledProcesses, IReadOnlyList<string> RemovedFolders, IReadOnlyList<string> Reaped)
{
    /// <summary>Parts of the sweep that could not run (an unreachable container engine), one sentence each.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    public bool IsEmpty => KilledProcesses.Count == 0 && RemovedFolders.Count == 0 && Reaped.Count == 0;
}
