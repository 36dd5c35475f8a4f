using Harrier.Core.Executions;

namespace Harrier.Core.Engine.Planning;

/// <summary>Where a list of tasks stands: still running, or done with a rolled-up state.</summary>
internal readonly record struct ListOutcome(bool Running, State State)
{
    public static ListOutcome StillRunning { get; } = new(true, State.Running);

    public static ListOutcome Done(State state) => new(false, state);

    public bool Failed => !Running && State.IsFailure();
}
