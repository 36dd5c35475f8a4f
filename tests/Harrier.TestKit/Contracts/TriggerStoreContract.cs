using Harrier.Core.Queue;
using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Store;
using Harrier.Core.Store.Flows;
using Harrier.Core.Store.Triggers;
using Xunit;
using static Harrier.TestKit.Contracts.ContractData;

namespace Harrier.TestKit.Contracts;

/// <summary>
/// What every <see cref="ITriggerStore"/> must do: trigger states written by compare-and-set with their executions all
/// or nothing, flows with triggers listed and their changes counted, and the outbox of ended executions consumed once.
/// </summary>
public abstract class TriggerStoreContract : ServerSeamsContract
{
    private static readonly TriggerKey Key = new("company.team", "nightly", "schedule");

    private ITriggerStore Triggers => Seams.Triggers;

    private const string FlowTriggerType = "io.kestra.plugin.core.trigger.Flow";

    [Fact]
    public async Task ANewRow_ReadsBackEveryField_AtVersionOne()
    {
        var state = new TriggerState(Key, "io.kestra.plugin.core.trigger.Schedule", "fp")
        {
            NextDate = T0.AddHours(1),
            LastDate = T0,
            LastExecutionId = "e1",
            Disabled = true,
            LastError = "a condition failed",
            Backfill = new TriggerBackfill(T0.AddDays(-2), T0.AddDays(-1), T0.AddDays(-2)) { Paused = true, Inputs = new Dictionary<string, object?> { ["n"] = 3L }, Labels = [new FlowLabel("k", "v")] },
        };

        Assert.Empty(await Triggers.WriteAsync([new TriggerWrite(state, null)], Ct));

        var read = (await Triggers.GetAsync(Key, Ct))!;
        Assert.Equal(1, read.Version);
        Assert.Equal((state.Type, state.Fingerprint, state.NextDate, state.LastDate, state.LastExecutionId, state.Disabled, state.LastError),
            (read.Type, read.Fingerprint, read.NextDate, read.LastDate, read.LastExecutionId, read.Disabled, read.LastError));
        Assert.Equal((state.Backfill.Start, state.Backfill.End, state.Backfill.Current, true), (read.Backfill!.Start, read.Backfill.End, read.Backfill.Current, read.Backfill.Paused));
        PlainAssert.Equal(state.Backfill.Inputs, read.Backfill.Inputs);
        Assert.Equal(state.Backfill.Labels, read.Backfill.Labels);
        Assert.Equal([Key], (await Triggers.ListAsync(Ct)).Select(s => s.Key));
    }

    [Fact]
    public async Task AStaleWrite_IsRefused_AndItsExecutionsAreNotStored_WhileTheCurrentOneMovesTheVersion()
    {
        await Triggers.WriteAsync([new TriggerWrite(new TriggerState(Key, "t", "f"), null)], Ct);
        var stale = Execution(id: NewId("stale"));
        var fresh = Execution(id: NewId("fresh"));

        var refused = await Triggers.WriteAsync([new TriggerWrite(new TriggerState(Key, "t", "f") { LastDate = T0 }, ExpectedVersion: 5) { Executions = [stale] }], Ct);
        var accepted = await Triggers.WriteAsync([new TriggerWrite(new TriggerState(Key, "t", "f") { LastDate = T0 }, ExpectedVersion: 1) { Executions = [fresh] }], Ct);

        Assert.Equal([Key], refused);
        Assert.Empty(accepted);
        Assert.Null(await Seams.Engine.Store.GetExecutionAsync(stale.Id, Ct));
        Assert.NotNull(await Seams.Engine.Store.GetExecutionAsync(fresh.Id, Ct));
        Assert.Equal(2, (await Triggers.GetAsync(Key, Ct))!.Version);
    }

    [Fact]
    public async Task TwoWritersCreatingTheSameRow_OnlyOneWins()
    {
        var first = await Triggers.WriteAsync([new TriggerWrite(new TriggerState(Key, "t", "first"), null)], Ct);
        var second = await Triggers.WriteAsync([new TriggerWrite(new TriggerState(Key, "t", "second"), null)], Ct);

        Assert.Empty(first);
        Assert.Equal([Key], second);
        Assert.Equal("first", (await Triggers.GetAsync(Key, Ct))!.Fingerprint);
    }

    [Fact]
    public async Task Delete_ForgetsTheRowAndItsWindows()
    {
        await Triggers.WriteAsync([new TriggerWrite(new TriggerState(Key, FlowTriggerType, "f"), null)], Ct);
        var ended = await EndedAsync();
        var entry = Assert.Single(await Triggers.ReadEndedAsync(10, Ct));
        var state = (await Triggers.GetAsync(Key, Ct))!;
        await Triggers.ConsumeEndedAsync(new EndedConsumption(entry.Seq)
        {
            Windows = [new WindowWrite(Key, "w", new Dictionary<string, WindowMember> { ["a"] = new(T0, new Dictionary<string, object?>()) })],
            Triggers = [new TriggerWrite(state, state.Version)],
        }, Ct);
        Assert.Equal(ended.Id, entry.ExecutionId);
        Assert.Single(await Triggers.ReadWindowAsync(Key, "w", Ct));

        Assert.Equal(1, await Triggers.DeleteAsync([Key], Ct));

        Assert.Null(await Triggers.GetAsync(Key, Ct));
        Assert.Empty(await Triggers.ReadWindowAsync(Key, "w", Ct));
    }

    [Fact]
    public async Task FlowChanges_MoveWithEveryStoredRevision_AndOnlyLatestFlowsWithTriggersAreListed()
    {
        var before = await Triggers.FlowChangesAsync(Ct);
        await Seams.Flows.SaveAsync(new FlowDocument("company.team", "plain", "id: plain\nnamespace: company.team\ntasks: []\n", []), FlowSaveMode.Create, Ct);
        await Seams.Flows.SaveAsync(new FlowDocument("company.team", "timed", "id: timed\nnamespace: company.team\ntriggers: []\ntasks: []\n", []), FlowSaveMode.Create, Ct);
        await Seams.Flows.SaveAsync(new FlowDocument("company.team", "timed", "id: timed\nnamespace: company.team\ntriggers: [] # r2\ntasks: []\n", []), FlowSaveMode.Update, Ct);

        Assert.True(await Triggers.FlowChangesAsync(Ct) >= before + 3);
        var listed = Assert.Single(await Triggers.ListTriggerFlowsAsync(Ct));
        Assert.Equal(("timed", 2), (listed.FlowId, listed.Revision));
        await Seams.Flows.DeleteAsync("company.team", "timed", Ct);
        Assert.Empty(await Triggers.ListTriggerFlowsAsync(Ct));
    }

    [Fact]
    public async Task AnEnd_IsInTheOutboxOnlyWhileAFlowTriggerIsRegistered_AndIsConsumedOnce()
    {
        await EndedAsync();
        Assert.Empty(await Triggers.ReadEndedAsync(10, Ct));
        await Triggers.WriteAsync([new TriggerWrite(new TriggerState(Key, FlowTriggerType, "f"), null)], Ct);

        var ended = await EndedAsync();
        var entry = Assert.Single(await Triggers.ReadEndedAsync(10, Ct));
        var started = Execution(id: NewId("started"));

        Assert.Equal(ended.Id, entry.ExecutionId);
        Assert.True(await Triggers.ConsumeEndedAsync(new EndedConsumption(entry.Seq) { Executions = [started] }, Ct));
        Assert.False(await Triggers.ConsumeEndedAsync(new EndedConsumption(entry.Seq) { Executions = [Execution(id: NewId("again"))] }, Ct));
        Assert.Empty(await Triggers.ReadEndedAsync(10, Ct));
        Assert.NotNull(await Seams.Engine.Store.GetExecutionAsync(started.Id, Ct));
    }

    [Fact]
    public async Task AConsumptionWhoseTriggerWriteIsStale_WritesNothing_AndKeepsTheEntry()
    {
        await Triggers.WriteAsync([new TriggerWrite(new TriggerState(Key, FlowTriggerType, "f"), null)], Ct);
        await EndedAsync();
        var entry = Assert.Single(await Triggers.ReadEndedAsync(10, Ct));
        var started = Execution(id: NewId("started"));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Triggers.ConsumeEndedAsync(new EndedConsumption(entry.Seq)
        {
            Triggers = [new TriggerWrite(new TriggerState(Key, FlowTriggerType, "f"), ExpectedVersion: 9)],
            Executions = [started],
        }, Ct));

        Assert.Single(await Triggers.ReadEndedAsync(10, Ct));
        Assert.Null(await Seams.Engine.Store.GetExecutionAsync(started.Id, Ct));
    }

    /// <summary>An execution stored, then ended by a planning commit, as the engine ends one.</summary>
    private async Task<Execution> EndedAsync()
    {
        var execution = Execution(id: NewId("ended"));
        await Seams.Engine.Store.CreateExecutionAsync(execution, Ct);
        PlanningLease? lease;
        while ((lease = await Seams.Engine.Planning.TryClaimAsync("planner", null, TimeSpan.FromSeconds(30), Ct)) is not null && lease.ExecutionId != execution.Id)
        {
            await Seams.Engine.Commits.CommitPlanAsync(new PlanCommit(lease!), Ct);
        }

        Assert.NotNull(lease);
        await Seams.Engine.Commits.CommitPlanAsync(new PlanCommit(lease!) { Execution = execution with { State = State.Success, StartDate = T0, EndDate = T0 } }, Ct);
        return execution;
    }
}
