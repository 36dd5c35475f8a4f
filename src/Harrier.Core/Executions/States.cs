namespace Harrier.Core.Executions;

/// <summary>Names, terminality and roll-up of <see cref="State"/>.</summary>
public static class States
{
    public static bool IsTerminal(this State state) => state is State.Success or State.Warning or State.Failed
        or State.Killed or State.Cancelled or State.Retried or State.Skipped;

    /// <summary>Terminal and counts as a failure of the list it is in.</summary>
    public static bool IsFailure(this State state) => state is State.Failed or State.Killed or State.Cancelled;

    /// <summary>Kestra's upper-case name: SUCCESS, FAILED…</summary>
    public static string ToName(this State state) => state switch
    {
        State.Created => "CREATED",
        State.Queued => "QUEUED",
        State.Running => "RUNNING",
        State.Paused => "PAUSED",
        State.Restarted => "RESTARTED",
        State.Killing => "KILLING",
        State.Killed => "KILLED",
        State.Cancelled => "CANCELLED",
        State.Retrying => "RETRYING",
        State.Retried => "RETRIED",
        State.Success => "SUCCESS",
        State.Warning => "WARNING",
        State.Failed => "FAILED",
        _ => "SKIPPED",
    };

    public static State Parse(string name) => Enum.Parse<State>(name.Replace("_", "", StringComparison.Ordinal), ignoreCase: true);

    /// <summary>
    /// The state of a finished list of task runs: any failure ⇒ that failure (KILLED beats FAILED), else any
    /// WARNING ⇒ WARNING, else SUCCESS. SKIPPED runs count as success.
    /// </summary>
    public static State Worst(IEnumerable<State> states)
    {
        var result = State.Success;
        foreach (var state in states)
        {
            result = Rank(state) > Rank(result) ? state : result;
        }

        return result;
    }

    private static int Rank(State state) => state switch
    {
        State.Killed => 5,
        State.Cancelled => 4,
        State.Failed => 3,
        State.Warning => 2,
        _ => 0,
    };
}
