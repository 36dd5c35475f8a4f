using Harrier.Core.Engine.Planning;
using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Tests.Engine.Planning;

namespace Harrier.Core.Tests.Engine.Flowables;

/// <summary>
/// ForEachItem's planning rule: nothing starts until the worker cut the file; then every batch's child is decided in
/// one pass, with ids a pass planned again decides alike; the run waits for them and ends as the worst of them.
/// </summary>
public sealed class ForEachItemPlanningTests
{
    private static readonly DateTimeOffset Now = new(2024, 3, 15, 10, 0, 0, TimeSpan.Zero);

    private static FlowDefinition Flow(string extra = "") => TestFlows.Load($$$"""
        tasks:
          - id: each
            type: io.kestra.plugin.core.flow.ForEachItem
            items: "{{ inputs.file }}"
            namespace: company.team
            flowId: child
            inputs:
              file: "{{ taskrun.items }}"
              n: "{{ taskrun.iteration }}"
            {{{extra}}}
        """);

    private static readonly Execution Parent = new()
    {
        Id = "ex1",
        Namespace = "company.team",
        FlowId = "test",
        State = State.Running,
        CreatedAt = Now,
    };

    private static ExecutionPlan Plan(FlowDefinition flow, IReadOnlyList<TaskRun> runs, IReadOnlyDictionary<string, Execution?>? children = null) =>
        new ExecutionPlanner(new RenderingPlanEvaluator(), new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now), new SequentialIds().Next)
            .Plan(new PlanningSnapshot(flow, Parent, runs) { Children = children ?? new Dictionary<string, Execution?>(StringComparer.Ordinal) });

    /// <summary>The run as the worker leaves it once it cut the file into <paramref name="batches"/>.</summary>
    private static TaskRun Cut(FlowDefinition flow, params string[] batches)
    {
        var run = Plan(flow, []).SavedTaskRuns.Single();
        return run with { Decision = new FlowableDecision { WorkerState = State.Success, Values = batches, ValueCount = batches.Length } };
    }

    private static Execution Child(string id, State state) => new() { Id = id, Namespace = "company.team", FlowId = "child", State = state, CreatedAt = Now };

    [Fact]
    public void UntilTheWorkerCutTheFile_NoChildStarts_AndTheRunIsAWorkerJob()
    {
        var plan = Plan(Flow(), []);

        var run = Assert.Single(plan.SavedTaskRuns);
        Assert.Equal(State.Running, run.State);
        Assert.Equal(run.Id, Assert.Single(plan.Jobs).TaskRunId);
        Assert.Empty(plan.Subflows);
    }

    [Fact]
    public void OnceTheBatchesAreKnown_EveryChildStartsInOnePass_WithItsBatchAndIteration_AndTheSameIdsWhenPlannedAgain()
    {
        var flow = Flow();
        var run = Cut(flow, "harrier:///a.txt", "harrier:///b.txt", "harrier:///c.txt");

        var first = Plan(flow, [run]);
        var again = Plan(flow, [run]);

        Assert.Equal(["harrier:///a.txt", "harrier:///b.txt", "harrier:///c.txt"], first.Subflows.Select(s => s.Inputs["file"]));
        Assert.Equal([1L, 2L, 3L], first.Subflows.Select(s => s.Inputs["n"]));
        Assert.All(first.Subflows, s => Assert.Equal(("company.team", "child", run.Id), (s.Namespace, s.FlowId, s.TaskRunId)));
        Assert.Equal(3, first.Subflows.Select(s => s.ChildExecutionId).Distinct().Count());
        Assert.Equal(first.Subflows.Select(s => s.ChildExecutionId), again.Subflows.Select(s => s.ChildExecutionId));
        var saved = Assert.Single(first.SavedTaskRuns);
        Assert.Equal(3, saved.Decision!.ChildCount);
        Assert.Equal(State.Running, saved.State);
        Assert.Equal(3L, saved.Outputs["numberOfBatches"]);
    }

    [Theory]
    [InlineData("", State.Running, State.Success, State.Running)]
    [InlineData("", State.Success, State.Warning, State.Warning)]
    [InlineData("", State.Killed, State.Warning, State.Killed)]
    [InlineData("", State.Killed, State.Failed, State.Failed)]
    [InlineData("transmitFailed: false", State.Killed, State.Failed, State.Success)]
    public void TheRunWaitsForEveryChild_ThenEndsAsTheWorstFailureAmongThem_WithTransmitFailed(string extra, State first, State second, State expected)
    {
        var flow = Flow(extra);
        var cut = Cut(flow, "harrier:///a.txt", "harrier:///b.txt");
        var start = Plan(flow, [cut]);
        var started = start.SavedTaskRuns.Single() with { Decision = cut.Decision! with { Values = null, ChildCount = 2 } };
        var ids = start.Subflows.Select(s => s.ChildExecutionId).ToList();
        var children = new Dictionary<string, Execution?>(StringComparer.Ordinal) { [ids[0]] = Child(ids[0], first), [ids[1]] = Child(ids[1], second) };

        var plan = Plan(flow, [started], children);

        var run = Assert.Single(plan.SavedTaskRuns);
        Assert.Equal(expected, run.State);
        var iterations = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(run.Outputs["iterations"]);
        Assert.Equal(2L, iterations.Values.Sum(v => (long)v!));
        Assert.Empty(plan.Subflows);
    }
}
