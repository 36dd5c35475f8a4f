using Harrier.Core.Executions;
using Harrier.Core.Flows;

namespace Harrier.Core.Engine;

/// <summary>How a task's own settings turn an outcome into its final state (spec §11.4).</summary>
public static class TaskStatePolicy
{
    /// <summary><c>allowFailure</c>: FAILED ⇒ WARNING; then <c>allowWarning</c>: WARNING ⇒ SUCCESS.</summary>
    public static State Finalize(State state, TaskDefinition task)
    {
        if (state == State.Failed && task.AllowFailure)
        {
            state = State.Warning;
        }

        if (state == State.Warning && task.AllowWarning)
        {
            state = State.Success;
        }

        return state;
    }
}
