using Xunit;
using Harrier.Core.Store.Triggers;
using Harrier.TestKit.Contracts;

namespace Harrier.Persistence.Tests.Sqlite;

/// <summary>
/// The scheduler's state on a real SQLite file, with two stores opened on it as two server processes would: the
/// compare-and-set that keeps a slot from firing twice, with its executions stored all or nothing.
/// </summary>
public sealed class SqliteTriggerStoreTests : IAsyncLifetime
{
    private static readonly TriggerKey Key = new("company.team", "nightly", "schedule");
    private static readonly DateTimeOffset Slot = new(2026, 12, 2, 2, 0, 0, TimeSpan.Zero);

    private readonly TempDataDirectory _directory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _directory.DeleteAsync();

    [Fact]
    public async Task TwoSchedulersWritingTheSameSlot_OnlyOneFires_AndOnlyItsExecutionIsStored()
    {
        var first = await _directory.OpenAsync();
        var second = await _directory.OpenAsync();
        var initial = new TriggerState(Key, "io.kestra.plugin.core.trigger.Schedule", "f1") { NextDate = Slot };
        Assert.Empty(await first.Triggers.WriteAsync([new TriggerWrite(initial, null)], CancellationToken.None));
        var read = await first.Triggers.GetAsync(Key, CancellationToken.None);
        Assert.Equal(1, read!.Version);

        var fired = read with { LastDate = Slot, NextDate = Slot.AddDays(1) };
        var a = ContractData.Execution(id: "fired-by-a", flowId: "nightly");
        var b = ContractData.Execution(id: "fired-by-b", flowId: "nightly");
        var results = await Task.WhenAll(
            first.Triggers.WriteAsync([new TriggerWrite(fired, read.Version) { Executions = [a] }], CancellationToken.None),
            second.Triggers.WriteAsync([new TriggerWrite(fired, read.Version) { Executions = [b] }], CancellationToken.None));

        Assert.Equal(1, results.Count(refused => refused.Count == 0));
        var stored = new[] { await first.Executions.GetExecutionAsync("fired-by-a", CancellationToken.None), await first.Executions.GetExecutionAsync("fired-by-b", CancellationToken.None) };
        Assert.Single(stored, e => e is not null);
        var after = await second.Triggers.GetAsync(Key, CancellationToken.None);
        Assert.Equal(2, after!.Version);
        Assert.Equal(Slot, after.LastDate);
        Assert.Equal(Slot.AddDays(1), after.NextDate);
    }

    [Fact]
    public async Task ARefusedWrite_DoesNotHoldBackTheOthersOfItsBatch()
    {
        var store = await _directory.OpenAsync();
        var other = Key with { TriggerId = "other" };
        await store.Triggers.WriteAsync([new TriggerWrite(new TriggerState(Key, "t", "f"), null)], CancellationToken.None);

        var refused = await store.Triggers.WriteAsync(
            [
                new TriggerWrite(new TriggerState(Key, "t", "f") { LastError = "stale" }, ExpectedVersion: 7) { Executions = [ContractData.Execution(id: "stale")] },
                new TriggerWrite(new TriggerState(other, "t", "f"), null) { Executions = [ContractData.Execution(id: "fresh")] },
            ],
            CancellationToken.None);

        Assert.Equal([Key], refused);
        Assert.Null(await store.Executions.GetExecutionAsync("stale", CancellationToken.None));
        Assert.NotNull(await store.Executions.GetExecutionAsync("fresh", CancellationToken.None));
        Assert.Null((await store.Triggers.GetAsync(Key, CancellationToken.None))!.LastError);
    }

    [Fact]
    public async Task BackfillAndOverrides_SurviveARoundTrip_AndDeleteForgetsTheTrigger()
    {
        var store = await _directory.OpenAsync();
        var backfill = new TriggerBackfill(Slot, Slot.AddDays(3), Slot.AddDays(1))
        {
            Paused = true,
            Inputs = new Dictionary<string, object?> { ["region"] = "eu" },
            Labels = [new Harrier.Core.Flows.FlowLabel("backfill", "true")],
        };
        await store.Triggers.WriteAsync([new TriggerWrite(new TriggerState(Key, "t", "f") { Disabled = true, Backfill = backfill }, null)], CancellationToken.None);

        var read = Assert.Single(await store.Triggers.ListAsync(CancellationToken.None));
        Assert.True(read.Disabled);
        Assert.True(read.Backfill!.Paused);
        Assert.Equal(Slot.AddDays(1), read.Backfill.Current);
        Assert.Equal("eu", read.Backfill.Inputs["region"]);
        Assert.Equal("backfill", Assert.Single(read.Backfill.Labels).Key);

        Assert.Equal(1, await store.Triggers.DeleteAsync([Key], CancellationToken.None));
        Assert.Empty(await store.Triggers.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task StoringAFlowRevision_MovesTheFlowChangeCounter()
    {
        var store = await _directory.OpenAsync();
        var before = await store.Triggers.FlowChangesAsync(CancellationToken.None);

        await store.Flows.SaveAsync(new Harrier.Core.Store.Flows.FlowDocument("company.team", "nightly", "id: nightly\nnamespace: company.team\ntriggers: []\ntasks: []\n", []), Harrier.Core.Store.Flows.FlowSaveMode.Create, CancellationToken.None);

        Assert.Equal(before + 1, await store.Triggers.FlowChangesAsync(CancellationToken.None));
        Assert.Equal("nightly", Assert.Single(await store.Triggers.ListTriggerFlowsAsync(CancellationToken.None)).FlowId);
    }
}
