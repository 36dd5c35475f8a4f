namespace Harrier.Bench.Harness;

/// <summary>One timed run of one side of a scenario.</summary>
/// <param name="Milliseconds">The time the scenario's figure is computed from.</param>
/// <param name="PeakRssKb">Peak RSS of the largest process involved (0 when not measured).</param>
/// <param name="Note">A fact worth printing next to the row (e.g. lines stored).</param>
/// <param name="LogLines">Task log lines Harrier stored, when the run reports them.</param>
public sealed record Measurement(double Milliseconds, long PeakRssKb, string? Note = null, long? LogLines = null);
