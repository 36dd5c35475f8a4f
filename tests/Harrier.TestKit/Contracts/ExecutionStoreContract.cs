using Harrier.Core.Executions;
using Harrier.Core.Store;
using Xunit;
using static Harrier.TestKit.Contracts.ContractData;

namespace Harrier.TestKit.Contracts;

/// <summary>
/// What every <see cref="IExecutionStore"/> must do with executions, flow documents and the reads a planning pass makes.
/// A backend's test class derives from this and returns a fresh, empty backend from <see cref="StoreContract.CreateAsync"/>.
/// </summary>
public abstract class ExecutionStoreContract : StoreContract
{
    [Fact]
    public async Task CreateExecution_RoundTripsEveryField_WithTheFlowDocumentStoredApart()
    {
        var execution = Execution() with { EndDate = T0.AddHours(1), Error = "Output 'x' failed: ünïcode ✓", Owner = "host:12:34" };

        await Store.CreateExecutionAsync(execution, Ct);

        var stored = await Store.GetExecutionAsync(execution.Id, Ct);
        RecordAssert.Equal(AsStored(execution), stored);
        Assert.Equal(execution.FlowSource, await Store.GetFlowSourceAsync(stored!.FlowSourceId!, Ct));
    }

    [Fact]
    public async Task AddLabels_ReplacesTheSameKey_KeepsTheOthersInOrder_AndIsNullForNoExecution()
    {
        var execution = Execution() with { Labels = [new Core.Flows.FlowLabel("team", "data"), new Core.Flows.FlowLabel("stage", "draft")] };
        await Store.CreateExecutionAsync(execution, Ct);

        var stored = await Store.AddLabelsAsync(execution.Id, [new Core.Flows.FlowLabel("stage", "final"), new Core.Flows.FlowLabel("rows", "42")], Ct);

        Assert.Equal(["team:data", "stage:final", "rows:42"], stored!.Select(l => $"{l.Key}:{l.Value}"));
        Assert.Equal(stored, (await Store.GetExecutionAsync(execution.Id, Ct))!.Labels);
        Assert.Null(await Store.AddLabelsAsync("no-such-execution", [new Core.Flows.FlowLabel("k", "v")], Ct));
    }

    [Fact]
    public async Task CreateExecution_OfTheSameFlowTwice_SharesOneDocument()
    {
        var first = Execution();
        var second = Execution() with { FlowSource = first.FlowSource };

        await Store.CreateExecutionAsync(first, Ct);
        await Store.CreateExecutionAsync(second, Ct);

        var (a, b) = ((await Store.GetExecutionAsync(first.Id, Ct))!, (await Store.GetExecutionAsync(second.Id, Ct))!);
        Assert.Equal(FlowSources.IdOf(first.FlowSource), a.FlowSourceId);
        Assert.Equal(a.FlowSourceId, b.FlowSourceId);
        Assert.Null(await Store.GetFlowSourceAsync("no-such-document", Ct));
    }

    [Fact]
    public async Task CreateExecution_KeepsEmptyMapsAndLabels()
    {
        var execution = Execution() with { Inputs = new Dictionary<string, object?>(), Outputs = new Dictionary<string, object?>(), Labels = [] };

        await Store.CreateExecutionAsync(execution, Ct);

        RecordAssert.Equal(AsStored(execution), await Store.GetExecutionAsync(execution.Id, Ct));
    }

    [Fact]
    public async Task CreateExecution_Fails_WhenTheIdExists()
    {
        var execution = Execution();
        await Store.CreateExecutionAsync(execution, Ct);

        await Assert.ThrowsAnyAsync<Exception>(() => Store.CreateExecutionAsync(execution with { FlowId = "other" }, Ct));
        Assert.Equal("hello", (await Store.GetExecutionAsync(execution.Id, Ct))!.FlowId);
    }

    [Fact]
    public async Task CreateExecution_WakesItsOwnersExecutors_Only()
    {
        var execution = await CreateExecutionAsync(owner: "host:1:2");

        Assert.Null(await Planning.TryClaimAsync("e1", null, Lease, Ct));
        Assert.Equal(execution.Id, (await Planning.TryClaimAsync("e1", "host:1:2", Lease, Ct))?.ExecutionId);
    }

    [Fact]
    public async Task GetExecution_ReturnsNull_WhenUnknown() => Assert.Null(await Store.GetExecutionAsync("no-such-execution", Ct));

    [Fact]
    public async Task ListExecutions_ReturnsNewestFirst_UpToTheLimit()
    {
        var ns = NewId("ns");
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var execution = Execution(ns: ns, createdAt: T0.AddMinutes(i % 2 == 0 ? i : -i));
            ids.Add(execution.Id);
            await Store.CreateExecutionAsync(execution, Ct);
        }

        var listed = await Store.ListExecutionsAsync(new ExecutionQuery { Namespace = ns, Limit = 3 }, Ct);

        // Created at +0, -1, +2, -3, +4 minutes: newest first is indexes 4, 2, 0.
        Assert.Equal([ids[4], ids[2], ids[0]], listed.Select(e => e.Id));
        RecordAssert.Equal(AsStored(Execution(ids[4], ns: ns, createdAt: T0.AddMinutes(4))), listed[0]);
    }

    [Fact]
    public async Task ListExecutions_FiltersByParent_ListingOnlyTheExecutionsItStarted()
    {
        var parent = Execution();
        var child = Execution(createdAt: T0.AddSeconds(1)) with { ParentExecutionId = parent.Id, ParentTaskRunId = NewId("run") };
        var endedChild = Execution(createdAt: T0.AddSeconds(2)) with { ParentExecutionId = parent.Id, ParentTaskRunId = NewId("run"), State = State.Success };
        var stranger = Execution(createdAt: T0.AddSeconds(3)) with { ParentExecutionId = NewId("other"), ParentTaskRunId = NewId("run") };
        foreach (var execution in new[] { parent, child, endedChild, stranger })
        {
            await Store.CreateExecutionAsync(execution, Ct);
        }

        Assert.Equal([endedChild.Id, child.Id], (await Store.ListExecutionsAsync(new ExecutionQuery { ParentExecutionId = parent.Id }, Ct)).Select(e => e.Id));
        Assert.Empty(await Store.ListExecutionsAsync(new ExecutionQuery { ParentExecutionId = child.Id }, Ct));
    }

    [Fact]
    public async Task ListExecutions_FiltersByNamespaceFlowAndState()
    {
        var ns = NewId("ns");
        var a = Execution(ns: ns, flowId: "a");
        var b = Execution(ns: ns, flowId: "b", createdAt: T0.AddSeconds(1));
        var bFailed = Execution(ns: ns, flowId: "b", createdAt: T0.AddSeconds(2)) with { State = State.Failed };
        var elsewhere = Execution(ns: ns + ".sub", flowId: "b");
        foreach (var execution in new[] { a, b, bFailed, elsewhere })
        {
            await Store.CreateExecutionAsync(execution, Ct);
        }

        Assert.Equal([bFailed.Id, b.Id, a.Id], (await Store.ListExecutionsAsync(new ExecutionQuery { Namespace = ns }, Ct)).Select(e => e.Id));
        Assert.Equal([bFailed.Id, b.Id], (await Store.ListExecutionsAsync(new ExecutionQuery { Namespace = ns, FlowId = "b" }, Ct)).Select(e => e.Id));
        Assert.Equal([bFailed.Id], (await Store.ListExecutionsAsync(new ExecutionQuery { Namespace = ns, State = State.Failed }, Ct)).Select(e => e.Id));
        var anyNamespace = await Store.ListExecutionsAsync(new ExecutionQuery { FlowId = "b", Limit = 1000 }, Ct);
        Assert.Contains(elsewhere.Id, anyNamespace.Select(e => e.Id));
        Assert.DoesNotContain(a.Id, anyNamespace.Select(e => e.Id));
    }

    [Fact]
    public async Task ReadForPlanning_HoldsTheUnfinishedRuns_AndThoseChangedSinceThePlannedSequence()
    {
        var execution = await CreateExecutionAsync();
        var done = NewRun(execution.Id, "done") with { State = State.Success };
        var running = NewRun(execution.Id, "running") with { State = State.Running };
        await Store.SaveTaskRunAsync(done, Ct);
        await Store.SaveTaskRunAsync(running, Ct);

        var first = (await Store.ReadForPlanningAsync(execution.Id, Ct))!;
        Assert.Equal(["running"], first.Unfinished.Select(r => r.TaskId));
        Assert.Equal(["done", "running"], first.Changed.Select(r => r.TaskId));

        // The planner consumed everything up to here; a later write shows up as the only change.
        var lease = await ClaimPlanningAsync();
        await Commits.CommitPlanAsync(new PlanCommit(lease) { Execution = first.Execution with { PlannedSeq = first.Execution.ChangeSeq } }, Ct);
        var later = NewRun(execution.Id, "later") with { State = State.Failed };
        await Store.SaveTaskRunAsync(later, Ct);

        var second = (await Store.ReadForPlanningAsync(execution.Id, Ct))!;
        Assert.Equal(["running"], second.Unfinished.Select(r => r.TaskId));
        Assert.Equal(["later"], second.Changed.Select(r => r.TaskId));
        Assert.True(second.Execution.ChangeSeq > first.Execution.ChangeSeq);
        Assert.Null(await Store.ReadForPlanningAsync("no-such-execution", Ct));
    }

    [Fact]
    public async Task ReadForPlanning_LeavesOutUnchangedUnfinishedQuietRuns_UnlessTheExecutionIsBeingKilled()
    {
        var execution = await CreateExecutionAsync();
        var each = NewRun(execution.Id, "each") with { State = State.Running };
        var quiet = NewRun(execution.Id, "log") with { ParentTaskRunId = each.Id, Iteration = 0, State = State.Running, Quiet = true };
        var loud = NewRun(execution.Id, "log") with { ParentTaskRunId = each.Id, Iteration = 1, State = State.Running };
        var quietDone = NewRun(execution.Id, "log") with { ParentTaskRunId = each.Id, Iteration = 2, State = State.Success, Quiet = true };
        foreach (var run in new[] { each, quiet, loud, quietDone })
        {
            await Store.SaveTaskRunAsync(run, Ct);
        }

        var first = (await Store.ReadForPlanningAsync(execution.Id, Ct))!;
        Assert.Equal([each.Id, loud.Id], first.Unfinished.Select(r => r.Id));
        Assert.Equal([each.Id, quiet.Id, loud.Id, quietDone.Id], first.Changed.Select(r => r.Id));
        Assert.True(first.Changed.Single(r => r.Id == quiet.Id).Quiet);
        Assert.False(first.Changed.Single(r => r.Id == loud.Id).Quiet);

        // Nothing changed since the pass: the quiet running run is not read at all.
        await Commits.CommitPlanAsync(new PlanCommit(await ClaimPlanningAsync()) { Execution = first.Execution with { PlannedSeq = first.Execution.ChangeSeq } }, Ct);
        var second = (await Store.ReadForPlanningAsync(execution.Id, Ct))!;
        Assert.Equal([each.Id, loud.Id], second.Unfinished.Select(r => r.Id));
        Assert.Empty(second.Changed);

        // A change brings it back, and it stays quiet.
        await Store.SaveTaskRunAsync((await Store.GetTaskRunAsync(quiet.Id, Ct))! with { State = State.Success }, Ct);
        var third = (await Store.ReadForPlanningAsync(execution.Id, Ct))!;
        Assert.Equal([quiet.Id], third.Changed.Select(r => r.Id));
        Assert.True(third.Changed[0].Quiet);

        // While the execution is being killed every unfinished run is read, to be killed.
        var notStarted = NewRun(execution.Id, "log") with { ParentTaskRunId = each.Id, Iteration = 3, State = State.Created, Quiet = true };
        await Store.SaveTaskRunAsync(notStarted, Ct);
        await Planning.WakeAsync(execution.Id, null, Ct);
        var fourth = (await Store.ReadForPlanningAsync(execution.Id, Ct))!;
        await Commits.CommitPlanAsync(new PlanCommit(await ClaimPlanningAsync()) { Execution = fourth.Execution with { PlannedSeq = fourth.Execution.ChangeSeq } }, Ct);
        Assert.Equal([each.Id, loud.Id], (await Store.ReadForPlanningAsync(execution.Id, Ct))!.Unfinished.Select(r => r.Id));
        await Subject.Kills.RequestKillAsync(execution.Id, Ct);
        Assert.Equal([each.Id, loud.Id, notStarted.Id], (await Store.ReadForPlanningAsync(execution.Id, Ct))!.Unfinished.Select(r => r.Id));
    }

    [Fact]
    public async Task FindTaskRuns_ReturnsTheRunsWithTheseIdentities_ThatExist()
    {
        var execution = await CreateExecutionAsync();
        var top = NewRun(execution.Id, "a");
        var child = NewRun(execution.Id, "b") with { ParentTaskRunId = top.Id, Iteration = 3 };
        await Store.SaveTaskRunAsync(top, Ct);
        await Store.SaveTaskRunAsync(child, Ct);

        var found = await Store.FindTaskRunsAsync(execution.Id, [new TaskRunKey("a", null, null), new TaskRunKey("b", top.Id, 3), new TaskRunKey("b", top.Id, 4)], Ct);

        Assert.Equal([top.Id, child.Id], found.Select(r => r.Id));
    }

    [Fact]
    public async Task ForEachValues_AreStoredApart_AndReadByRange()
    {
        var execution = await CreateExecutionAsync();
        var values = Enumerable.Range(0, 10).Select(i => $"v{i}").ToList();
        var forEach = NewRun(execution.Id) with { State = State.Running, Decision = new FlowableDecision { Values = values, ValueCount = values.Count } };
        await Store.SaveTaskRunAsync(forEach, Ct);

        Assert.Equal(["v3", "v4", "v5"], await Store.GetForEachValuesAsync(forEach.Id, 3, 3, Ct));
        Assert.Equal(["v8", "v9"], await Store.GetForEachValuesAsync(forEach.Id, 8, 64, Ct));
        Assert.Equal(10, (await Store.GetTaskRunAsync(forEach.Id, Ct))!.Decision!.CountOfValues);
    }

    [Fact]
    public async Task TaskRunsWithOutputs_AreOnlyThoseWithOutputs()
    {
        var execution = await CreateExecutionAsync();
        await Store.SaveTaskRunAsync(NewRun(execution.Id, "quiet") with { State = State.Success }, Ct);
        await Store.SaveTaskRunAsync(NewRun(execution.Id, "loud") with { State = State.Success, Outputs = new Dictionary<string, object?> { ["x"] = 1L } }, Ct);

        Assert.Equal(["loud"], (await Store.GetTaskRunsWithOutputsAsync(execution.Id, Ct)).Select(r => r.TaskId));
    }
}
