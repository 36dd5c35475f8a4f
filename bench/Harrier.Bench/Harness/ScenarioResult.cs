namespace Harrier.Bench.Harness;

/// <summary>What a scenario measured; the JSON results are these records.</summary>
public sealed record ScenarioResult
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required int Size { get; init; }
    public string FloorLabel { get; init; } = "zero";
    public int Repetitions { get; init; }
    public double? HarrierMs { get; init; }
    public double? FloorMs { get; init; }
    public double? Ratio { get; init; }
    public long HarrierPeakRssKb { get; init; }
    public long FloorPeakRssKb { get; init; }
    public string? Figure { get; init; }
    public string? Target { get; init; }
    public IReadOnlyList<double> HarrierSamplesMs { get; init; } = [];
    public IReadOnlyList<double> FloorSamplesMs { get; init; } = [];
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Set when the scenario could not run on this machine (not a failure).</summary>
    public string? Skipped { get; init; }

    /// <summary>Set when the scenario crashed; the run then exits non-zero.</summary>
    public string? Error { get; init; }
}
