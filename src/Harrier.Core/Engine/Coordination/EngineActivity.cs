namespace Harrier.Core.Engine.Coordination;

/// <summary>
/// What this process's engine has done since it started, for monitoring (<c>/metrics</c>): it shows which of several
/// executors on one database does the planning. Counts only; thread-safe.
/// </summary>
public sealed class EngineActivity
{
    private long _planningPasses;

    /// <summary>Planning passes this process's executor committed (a pass retried after a conflict counts once).</summary>
    public long PlanningPasses => Interlocked.Read(ref _planningPasses);

    public void PlanningPassCommitted() => Interlocked.Increment(ref _planningPasses);
}
