using Harrier.Core.Engine.Planning;
using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Logs;

namespace Harrier.Core.Engine.Flowables;

/// <summary>
/// What a flowable may do during a planning pass (implemented by the pass): walk a list, look at and start children,
/// evaluate its properties, keep a memo, log, and ask to be planned again at a time. Every change goes into the pass's
/// workspace and is stored in the pass's single commit, or not at all.
/// </summary>
internal interface IFlowableWalk
{
    DateTimeOffset Now { get; }

    /// <summary>The execution is being killed: start nothing new.</summary>
    bool Killing { get; }

    /// <summary>
    /// Walks <paramref name="tasks"/> in order under <paramref name="parent"/> (the first unfinished one stops the walk,
    /// a failure ends the list), from the memo named <paramref name="memo"/> when one is given. Children carry
    /// <paramref name="iteration"/> and <paramref name="value"/> (the parent's when null).
    /// </summary>
    /// <param name="quiet">The runs created are <see cref="TaskRun.Quiet"/> (the caller tracks their iterations).</param>
    ListOutcome Sequential(IReadOnlyList<TaskDefinition> tasks, TaskRun parent, string? memo, int? iteration = null, string? value = null, bool isIteration = false, bool quiet = false);

    /// <summary>The child run of <paramref name="task"/> under <paramref name="parent"/> for an iteration, moved on by this pass; null when it does not exist yet.</summary>
    TaskRun? Child(TaskDefinition task, TaskRun parent, int? iteration);

    /// <summary>The child run as stored, not moved on (to tell whether an iteration has started).</summary>
    TaskRun? Find(TaskDefinition task, TaskRun parent, int? iteration);

    /// <summary>Creates the child run of <paramref name="task"/> (runIf applied, a job enqueued or its own children planned).</summary>
    TaskRun Start(TaskDefinition task, TaskRun parent, int? iteration, string? value, bool isIteration = false);

    /// <summary>
    /// A property's value: rendered when it holds an expression, as written otherwise, null when absent. A rendering
    /// error throws <see cref="FlowableDecisionException"/>; when the pass must first read the execution's outputs it
    /// throws <see cref="OutputsNotLoadedException"/>, which the planner answers by planning again once they are read.
    /// </summary>
    object? Evaluate(TaskDefinition task, TaskRun run, string property);

    /// <summary>Renders an expression text the flowable holds (WaitFor's condition), with the same errors as <see cref="Evaluate"/>.</summary>
    object? Render(string template, TaskDefinition task, TaskRun run, string property);

    /// <summary>ForEach: the value at <paramref name="index"/> of the run's decision; null when the pass must read it first.</summary>
    string? Value(TaskRun run, int index);

    ListProgress? Progress(TaskRun owner, string list);

    /// <summary>
    /// The iterations of <paramref name="parent"/>'s children that this pass holds a run of (unfinished, recently
    /// changed, or read on request), in order. Any other started iteration either finished before the previous pass or
    /// is still running unchanged (when its runs are <see cref="TaskRun.Quiet"/>).
    /// </summary>
    IReadOnlyCollection<int> IterationsSeen(TaskRun parent);

    /// <summary>Records a list's memo on its owner run, in this pass's commit.</summary>
    void SetProgress(TaskRun owner, string list, ListProgress progress);

    /// <summary>The run as this pass last changed it.</summary>
    TaskRun Latest(TaskRun run);

    /// <summary>Stores a changed version of a run with this pass.</summary>
    TaskRun Update(TaskRun run);

    void Log(TaskRun run, TaskLogLevel level, string message);

    /// <summary>Plans the execution again at <paramref name="time"/> even if nothing else happens (a poll, a delay).</summary>
    void WakeAt(DateTimeOffset time);

    /// <summary>A new unique id (a child execution's).</summary>
    string NewId();

    /// <summary>Asks the executor to start a child execution with this pass's commit.</summary>
    void StartSubflow(SubflowStart start);

    /// <summary>
    /// Writes <paramref name="content"/> as the file <paramref name="name"/> under the run's storage prefix before this
    /// pass's commit (see <see cref="PlannedFile"/>); returns its URI.
    /// </summary>
    string WriteFile(TaskRun run, string name, string content);

    /// <summary>Asks for a kill of a child execution with this pass's commit.</summary>
    void KillChild(string executionId);

    /// <summary>A child execution as stored; null while unknown (the pass reads it and plans again) or when absent.</summary>
    Execution? Child(string executionId, out bool absent);

    /// <summary>A property with every text in it rendered (maps and lists too; a single expression keeps its type).</summary>
    object? EvaluateAll(TaskDefinition task, TaskRun run, string property);

    /// <summary>As <see cref="EvaluateAll(TaskDefinition, TaskRun, string)"/>, with <paramref name="taskRunVariables"/> added to <c>taskrun</c>.</summary>
    object? EvaluateAll(TaskDefinition task, TaskRun run, string property, IReadOnlyDictionary<string, object?>? taskRunVariables);
}
