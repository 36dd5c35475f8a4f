namespace Harrier.Bench.Harness;

/// <summary>
/// One benchmark: what Harrier does, and the floor — the same work done by the bare operating system
/// (or nothing, when the floor is zero). Both sides are measured in the same run, alternating, so
/// machine noise hits them alike and their ratio holds even when absolute times drift.
/// </summary>
public sealed record Scenario
{
    /// <summary>Stable key in the JSON results (e.g. <c>shell</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Row label, including the size (e.g. "Shell: 100 sequential Commands tasks").</summary>
    public required string Title { get; init; }

    /// <summary>The number of tasks, executions or lines the figure is divided by.</summary>
    public required int Size { get; init; }

    /// <summary>
    /// Returns why the scenario cannot run on this machine (e.g. no Docker engine), or null to run it. A
    /// skipped scenario gets a row saying so and does not fail the run.
    /// </summary>
    public Func<string?>? SkipReason { get; init; }

    /// <summary>Untimed preparation (files, interpreter lookup), run once before the warm-ups.</summary>
    public Action? Setup { get; init; }

    public required Func<Measurement> Harrier { get; init; }

    /// <summary>Null when the floor is zero (pure engine overhead) or when there is nothing to compare with.</summary>
    public Func<Measurement>? Floor { get; init; }

    /// <summary>Peak RSS of one floor command in KiB, measured once after the repetitions (untimed).</summary>
    public Func<long>? FloorPeakRssKb { get; init; }

    /// <summary>What the floor is, in a few words, for the Markdown table.</summary>
    public string FloorLabel { get; init; } = "zero";

    /// <summary>The headline figure from the medians, e.g. "1.2 ms/task overhead".</summary>
    public required Func<ScenarioMedians, string> Figure { get; init; }

    /// <summary>The target an issue set for this scenario, printed next to the figure (never asserted).</summary>
    public string? Target { get; init; }

    /// <summary>Overrides the run's repetition count (e.g. a micro benchmark that repeats internally).</summary>
    public int? Repetitions { get; init; }

    /// <summary>Overrides the run's warm-up count.</summary>
    public int? WarmUps { get; init; }
}
