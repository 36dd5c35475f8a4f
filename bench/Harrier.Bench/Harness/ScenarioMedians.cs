namespace Harrier.Bench.Harness;

/// <summary>The medians a scenario's figure is computed from.</summary>
public sealed record ScenarioMedians(int Size, double HarrierMs, double? FloorMs)
{
    public double? Ratio => FloorMs is > 0 ? HarrierMs / FloorMs : null;

    /// <summary>What Harrier adds per unit (task, execution, line) over the floor, in milliseconds.</summary>
    public double OverheadPerUnitMs => (HarrierMs - (FloorMs ?? 0)) / Size;
}
