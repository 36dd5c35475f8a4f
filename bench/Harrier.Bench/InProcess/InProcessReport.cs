namespace Harrier.Bench.InProcess;

/// <summary>The one JSON line an in-process child prints on stdout.</summary>
/// <param name="ElapsedMs">From the first submit to the last execution's terminal state.</param>
/// <param name="LogLines">Task log lines stored for the timed executions (proves nothing was dropped).</param>
public sealed record InProcessReport(double ElapsedMs, string State, long LogLines);
