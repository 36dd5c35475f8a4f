using Harrier.Core.Engine.Planning;
using Harrier.Core.Executions;
using Harrier.Core.Flows;

namespace Harrier.Core.Engine.Flowables;

/// <summary>
/// One flowable type's rules: how its properties load (<see cref="Read"/>), what it decides once when it starts
/// (<see cref="Decide"/>), and how it moves its children on in each planning pass (<see cref="Walk"/>). The walk over
/// the flow, the roll-up of <c>errors</c>/<c>finally</c> and the run's own state are the planner's; a flowable only says
/// where its children stand.
/// </summary>
/// <remarks>
/// Planning is pure and repeatable: a pass may be thrown away and run again (when it met data it had not read), so
/// <see cref="Decide"/> and <see cref="Walk"/> must depend only on the run, the flow and what <see cref="IFlowableWalk"/>
/// answers, and record what they decided on the run (through the walk) rather than in fields.
/// </remarks>
internal interface IFlowable
{
    /// <summary>The canonical type name this rule plans.</summary>
    string Type { get; }

    /// <summary>Reads the typed properties; problems go to <paramref name="source"/> with their position.</summary>
    FlowableSpec Read(FlowableSource source);

    /// <summary>
    /// What the flowable decides once, when it starts (If's branch, ForEach's values); null when it decides nothing.
    /// Throws <see cref="FlowableDecisionException"/> when the decision cannot be made (the run fails with that message).
    /// </summary>
    FlowableStart? Decide(TaskDefinition task, TaskRun run, IFlowableWalk walk);

    /// <summary>Creates and advances the children; says whether they are still running or how they ended.</summary>
    ListOutcome Walk(TaskDefinition task, TaskRun run, IFlowableWalk walk);

    /// <summary>The run's state from its rolled-up children (AllowFailure turns a failure into a warning).</summary>
    State Finish(State rolledUp) => rolledUp;

    /// <summary>Whether one worker runs the whole main list (WorkingDirectory): the planner then enqueues the run itself.</summary>
    bool RunsOnWorker => false;
}
