using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Store;
using Xunit;
using static Harrier.TestKit.Contracts.ContractData;

namespace Harrier.TestKit.Contracts;

/// <summary>
/// What every <see cref="IExecutionStore"/> must do. A backend's test class derives from this and returns a fresh,
/// empty store from <see cref="CreateStoreAsync"/>; it disposes what it created in <see cref="IAsyncLifetime.DisposeAsync"/>.
/// </summary>
public abstract class ExecutionStoreContract : IAsyncLifetime
{
    private IExecutionStore? _store;

    protected IExecutionStore Store => _store ?? throw new InvalidOperationException("InitializeAsync has not run.");

    protected static CancellationToken Ct => CancellationToken.None;

    protected abstract Task<IExecutionStore> CreateStoreAsync();

    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CreateExecution_RoundTripsEveryField()
    {
        var execution = Execution() with { EndDate = T0.AddHours(1), Error = "Output 'x' failed: ünïcode ✓" };

        await Store.CreateExecutionAsync(execution, Ct);

        RecordAssert.Equal(execution, await Store.GetExecutionAsync(execution.Id, Ct));
    }

    [Fact]
    public async Task CreateExecution_KeepsEmptyMapsAndLabels()
    {
        var execution = Execution() with { Inputs = new Dictionary<string, object?>(), Outputs = new Dictionary<string, object?>(), Labels = [] };

        await Store.CreateExecutionAsync(execution, Ct);

        RecordAssert.Equal(execution, await Store.GetExecutionAsync(execution.Id, Ct));
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
    public async Task GetExecution_ReturnsNull_WhenUnknown() => Assert.Null(await Store.GetExecutionAsync("no-such-execution", Ct));

    [Fact]
    public async Task UpdateExecution_ReplacesEveryField()
    {
        var execution = Execution();
        await Store.CreateExecutionAsync(execution, Ct);
        var updated = execution with
        {
            State = State.Failed,
            FlowRevision = 4,
            Outputs = new Dictionary<string, object?> { ["answer"] = 4.0, ["list"] = new List<object?> { "a", 1L } },
            Labels = [new FlowLabel("k", "v")],
            EndDate = T0.AddMinutes(3),
            Error = "boom",
            FlowFile = "other.yml",
        };

        await Store.UpdateExecutionAsync(updated, Ct);

        RecordAssert.Equal(updated, await Store.GetExecutionAsync(execution.Id, Ct));
    }

    [Fact]
    public async Task UpdateExecution_Fails_WhenTheExecutionDoesNotExist() =>
        await Assert.ThrowsAnyAsync<Exception>(() => Store.UpdateExecutionAsync(Execution(), Ct));

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
        RecordAssert.Equal(Execution(ids[4], ns: ns, createdAt: T0.AddMinutes(4)), listed[0]);
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
    public async Task ListExecutions_UpdatedStateIsWhatFiltersSee()
    {
        var ns = NewId("ns");
        var execution = Execution(ns: ns);
        await Store.CreateExecutionAsync(execution, Ct);
        await Store.UpdateExecutionAsync(execution with { State = State.Success }, Ct);

        Assert.Empty(await Store.ListExecutionsAsync(new ExecutionQuery { Namespace = ns, State = State.Running }, Ct));
        Assert.Single(await Store.ListExecutionsAsync(new ExecutionQuery { Namespace = ns, State = State.Success }, Ct));
    }
}
