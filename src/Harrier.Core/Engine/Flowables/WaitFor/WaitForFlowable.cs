using Harrier.Core.Engine.Planning;
using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Logs;
using Harrier.Core.Tasks.Types;

namespace Harrier.Core.Engine.Flowables.WaitFor;

/// <summary>
/// WaitFor: runs <c>tasks</c>, then renders <c>condition</c>; until it is truthy, waits <c>checkFrequency.interval</c>
/// and runs them again (a new iteration of task runs each time). It stops at <c>checkFrequency.maxIterations</c>
/// iterations or once <c>maxDuration</c> has passed since it started — SUCCESS, or FAILED with
/// <c>failOnMaxReached</c> — and fails as soon as an iteration fails. Output <c>iterationCount</c> is the current
/// iteration, from 1, readable by the children and the condition.
/// </summary>
/// <remarks>
/// Nothing but stored task runs carries the loop: the iteration is the run's <c>iterationCount</c> output (moved on in
/// the same commit that decides to loop), and the wait is measured from the end of the previous iteration's runs, so a
/// pass planned early, late or twice after a crash decides the same thing.
/// </remarks>
internal sealed class WaitForFlowable : Flowable<WaitForSpec>
{
    private const string IterationCount = "iterationCount";

    public override string Type => CoreTaskTypes.WaitFor;

    public override FlowableSpec Read(FlowableSource source)
    {
        var frequency = source.Node["checkFrequency"] as Yaml.YMapping;
        return new WaitForSpec(
            source.Text("condition") ?? "",
            source.Duration(frequency, "interval", TimeSpan.FromSeconds(1))!.Value,
            frequency?["maxIterations"]?.ToPlain() is long max ? (int)Math.Clamp(max, 1, int.MaxValue) : 100,
            source.Duration(frequency, "maxDuration", TimeSpan.FromHours(1))!.Value,
            source.Boolean("failOnMaxReached", false));
    }

    protected override FlowableStart Decide(TaskDefinition task, WaitForSpec spec, TaskRun run, IFlowableWalk walk) =>
        new(new FlowableDecision(), new Dictionary<string, object?> { [IterationCount] = 1L });

    protected override ListOutcome Walk(TaskDefinition task, WaitForSpec spec, TaskRun run, IFlowableWalk walk)
    {
        var tasks = task.ChildList("tasks");
        var iteration = Iteration(run);
        if (iteration > 1 && tasks.FirstOrDefault(t => !t.Disabled) is { } first && walk.Find(first, run, iteration) is null)
        {
            // Between two iterations: the next one starts an interval after the previous one ended.
            if (walk.Killing)
            {
                return ListOutcome.Done(State.Killed);
            }

            var due = LastEnd(tasks, run, iteration - 1, walk) + spec.Interval;
            if (walk.Now < due)
            {
                walk.WakeAt(due);
                return ListOutcome.StillRunning;
            }
        }

        var outcome = walk.Sequential(tasks, run, null, iteration, run.Value);
        if (outcome.Running || outcome.State.IsFailure() || walk.Killing)
        {
            return outcome;
        }

        if (Truth.IsTruthy(walk.Render(spec.Condition, task, walk.Latest(run), "condition")))
        {
            return outcome;
        }

        var started = run.Attempts.Count > 0 ? run.Attempts[0].StartDate : run.CreatedAt;
        var reason = iteration >= spec.MaxIterations ? $"max iterations reached ({spec.MaxIterations})"
            : walk.Now - started >= spec.MaxDuration ? $"max duration reached ({System.Xml.XmlConvert.ToString(spec.MaxDuration)})"
            : null;
        if (reason is not null)
        {
            walk.Log(run, TaskLogLevel.Warn, $"{task.Id}: {reason} before the condition was true");
            return spec.FailOnMaxReached ? ListOutcome.Done(State.Failed) : outcome;
        }

        var latest = walk.Latest(run);
        var outputs = new Dictionary<string, object?>(latest.Outputs, StringComparer.Ordinal) { [IterationCount] = (long)iteration + 1 };
        walk.Update(latest with { Outputs = outputs });
        walk.WakeAt(walk.Now + spec.Interval);
        return ListOutcome.StillRunning;
    }

    private static int Iteration(TaskRun run) => run.Outputs.GetValueOrDefault(IterationCount) is long count ? (int)count : 1;

    private static DateTimeOffset LastEnd(IReadOnlyList<TaskDefinition> tasks, TaskRun run, int iteration, IFlowableWalk walk) =>
        tasks.Select(t => walk.Find(t, run, iteration)?.EndDate).Where(d => d is not null).Select(d => d!.Value).DefaultIfEmpty(walk.Now).Max();
}

/// <param name="Condition">The expression that ends the loop when truthy.</param>
public sealed record WaitForSpec(string Condition, TimeSpan Interval, int MaxIterations, TimeSpan MaxDuration, bool FailOnMaxReached) : FlowableSpec;
