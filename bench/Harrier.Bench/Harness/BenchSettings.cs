namespace Harrier.Bench.Harness;

/// <summary>How a <c>scenarios</c> run is shaped; <c>bench/run</c> passes these on the command line.</summary>
public sealed record BenchSettings
{
    /// <summary>CI mode: every scenario once, at tiny sizes, no warm-up; proves the harness works, measures nothing.</summary>
    public bool Quick { get; init; }

    public int WarmUps { get; init; } = 1;

    public int Repetitions { get; init; } = 5;

    /// <summary>The published <c>harrier</c> executable (for whole-process scenarios).</summary>
    public required string HarrierPath { get; init; }

    /// <summary>Where latest.json/latest.md and the dated copies go.</summary>
    public required string ResultsDirectory { get; init; }

    /// <summary>Scenario ids to run; empty runs all.</summary>
    public IReadOnlyList<string> Only { get; init; } = [];

    /// <summary>Scratch space for data directories and scripts, deleted at the end.</summary>
    public string WorkDirectory { get; init; } = Path.Combine(Path.GetTempPath(), $"harrier-bench-{Environment.ProcessId}");

    /// <summary>Picks the full-size or the quick-size value.</summary>
    public int Size(int full, int quick) => Quick ? quick : full;
}
