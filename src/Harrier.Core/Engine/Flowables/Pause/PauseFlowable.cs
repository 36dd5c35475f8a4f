using Harrier.Core.Engine.Planning;
using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Logs;
using Harrier.Core.Tasks.Types;
using Harrier.Core.Time;

namespace Harrier.Core.Engine.Flowables.Pause;

/// <summary>
/// Pause: the run and its execution go PAUSED. With a <c>delay</c> the run goes on by itself once it has passed; with
/// only a <c>timeout</c> it fails then unless resumed before; with neither it waits for a resume (API or
/// <c>harrier executions resume</c>), which may give the <c>onResume</c> inputs, output as <c>onResume</c>. Once going on,
/// it runs its deprecated <c>tasks</c>, if any, and succeeds.
/// </summary>
/// <remarks>
/// The delay and timeout are rendered once, when the task starts, into the run's decision (<see cref="FlowableDecision.ResumeAt"/>),
/// and the executor is asked to plan again at that time, so the pause outlives a restart of every process. A resume is
/// a write of the run (PAUSED to RUNNING) fenced by its version, so it never races a planning pass.
/// </remarks>
internal sealed class PauseFlowable : Flowable<PauseSpec>
{
    public override string Type => CoreTaskTypes.Pause;

    public override FlowableSpec Read(FlowableSource source) => new PauseSpec(source.Inputs("onResume"));

    protected override FlowableStart Decide(TaskDefinition task, PauseSpec spec, TaskRun run, IFlowableWalk walk)
    {
        var delay = Duration(task, run, "delay", walk);
        var timeout = Duration(task, run, "timeout", walk);
        var wait = delay ?? timeout;
        return new FlowableDecision
        {
            ResumeAt = wait is { } span ? walk.Now + span : null,
            ResumeState = delay is not null ? State.Running : timeout is not null ? State.Failed : null,
        };
    }

    protected override ListOutcome Walk(TaskDefinition task, PauseSpec spec, TaskRun run, IFlowableWalk walk)
    {
        if (walk.Killing)
        {
            return ListOutcome.Done(State.Killed);
        }

        var decision = run.Decision!;
        if (!decision.Paused)
        {
            walk.Update(walk.Latest(run) with { State = State.Paused, Decision = decision with { Paused = true } });
            walk.Log(run, TaskLogLevel.Info, decision.ResumeAt is { } until
                ? $"paused until {until.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}" + (decision.ResumeState == State.Failed ? " (then it fails unless resumed)" : "")
                : "paused until it is resumed");
            return Waiting(decision, walk);
        }

        if (run.State == State.Paused)
        {
            if (decision.ResumeAt is not { } at || walk.Now < at)
            {
                return Waiting(decision, walk);
            }

            if (decision.ResumeState == State.Failed)
            {
                walk.Log(run, TaskLogLevel.Warn, $"the pause of task '{task.Id}' timed out before it was resumed");
                return ListOutcome.Done(State.Failed);
            }

            run = walk.Update(walk.Latest(run) with { State = State.Running });
        }

        var tasks = task.ChildList("tasks");
        return tasks.Count == 0 ? ListOutcome.Done(State.Success) : walk.Sequential(tasks, run, "tasks");
    }

    private static ListOutcome Waiting(FlowableDecision decision, IFlowableWalk walk)
    {
        if (decision.ResumeAt is { } at)
        {
            walk.WakeAt(at);
        }

        return ListOutcome.StillRunning;
    }

    private static TimeSpan? Duration(TaskDefinition task, TaskRun run, string property, IFlowableWalk walk) => walk.Evaluate(task, run, property) switch
    {
        null or "" => null,
        string text when IsoDuration.TryParse(text, out var duration) => duration,
        var other => throw new FlowableDecisionException($"{property} of task '{task.Id}' must be an ISO-8601 duration such as PT5M, found '{other}'"),
    };
}

/// <param name="OnResume">The inputs a resume may give (typed and checked as flow inputs are), output as <c>onResume</c>.</param>
public sealed record PauseSpec(IReadOnlyList<InputDefinition> OnResume) : FlowableSpec;
