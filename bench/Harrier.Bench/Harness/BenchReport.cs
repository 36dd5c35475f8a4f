namespace Harrier.Bench.Harness;

/// <summary>One whole run: where and when it ran, and every scenario's result (the JSON file's root).</summary>
public sealed record BenchReport
{
    public required DateTimeOffset Date { get; init; }
    public required string Commit { get; init; }
    public required string Machine { get; init; }
    public required bool Quick { get; init; }

    /// <summary>Only some scenarios ran (<c>--only</c>): the run is kept in history/, never as latest.</summary>
    public bool Partial { get; init; }
    public required IReadOnlyList<ScenarioResult> Scenarios { get; init; }
}
