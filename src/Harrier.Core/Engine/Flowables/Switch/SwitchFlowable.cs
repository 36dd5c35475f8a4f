using Harrier.Core.Engine.Planning;
using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Logs;
using Harrier.Core.Tasks.Types;

namespace Harrier.Core.Engine.Flowables.Switch;

/// <summary>
/// Switch: <c>value</c> is rendered once, when the task starts, and compared as text with the keys of <c>cases</c>; the
/// matching case's tasks run one after another, <c>defaults</c> when no key matches. With no match and no defaults
/// the task fails (WARN "no case matched"), as in Kestra. Outputs: <c>value</c> (the rendered text) and
/// <c>defaults</c> (whether no case matched).
/// </summary>
internal sealed class SwitchFlowable : Flowable<SwitchSpec>
{
    public const string Defaults = "defaults";
    private const string Cases = "cases";

    public override string Type => CoreTaskTypes.Switch;

    public override FlowableSpec Read(FlowableSource source) =>
        new SwitchSpec([.. source.Children.Keys.Where(k => k.StartsWith(Cases + ".", StringComparison.Ordinal)).Select(k => k[(Cases.Length + 1)..])]);

    protected override FlowableStart Decide(TaskDefinition task, SwitchSpec spec, TaskRun run, IFlowableWalk walk)
    {
        var value = PlainText.Of(walk.Evaluate(task, run, "value"));
        var matched = spec.CaseKeys.Contains(value);
        return new FlowableStart(
            new FlowableDecision { Branch = matched ? $"{Cases}.{value}" : Defaults },
            new Dictionary<string, object?> { ["value"] = value, ["defaults"] = !matched });
    }

    protected override ListOutcome Walk(TaskDefinition task, SwitchSpec spec, TaskRun run, IFlowableWalk walk)
    {
        var branch = run.Decision!.Branch!;
        var tasks = task.ChildList(branch);
        if (tasks.Count == 0)
        {
            walk.Log(run, TaskLogLevel.Warn, $"no case of task '{task.Id}' matched the value '{run.Outputs.GetValueOrDefault("value")}' and it has no defaults");
            return ListOutcome.Done(State.Failed);
        }

        return walk.Sequential(tasks, run, branch);
    }
}

/// <param name="CaseKeys">The keys of <c>cases</c>, as written.</param>
public sealed record SwitchSpec(IReadOnlySet<string> CaseKeys) : FlowableSpec
{
    public SwitchSpec(IEnumerable<string> keys)
        : this(new HashSet<string>(keys, StringComparer.Ordinal))
    {
    }
}
