using Harrier.Core.Engine.Coordination;
using Harrier.Core.Executions;
using Harrier.Core.Store;
using Xunit;

namespace Harrier.TestKit.Contracts;

/// <summary>
/// What every <see cref="IExecutionEndWaiter"/> must do: answer with the stored terminal state, whoever wrote it — an
/// execution ended by another process is seen without any nudge.
/// </summary>
public abstract class ExecutionEndWaiterContract : StoreContract
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>A waiter over the subject's store that polls at a short interval (the test waits for real time).</summary>
    protected abstract IExecutionEndWaiter CreateWaiter(StoreSubject subject);

    [Fact]
    public async Task Wait_ReturnsAtOnce_WhenTheExecutionHasAlreadyEnded()
    {
        var ended = ContractData.Execution() with { State = State.Warning };
        await Store.CreateExecutionAsync(ended, Ct);

        var final = await CreateWaiter(Subject).WaitAsync(ended.Id, Ct).WaitAsync(Patience);

        Assert.Equal(State.Warning, final.State);
    }

    [Fact]
    public async Task Wait_SeesAnEndWrittenByAnotherWriter_WithoutANudge()
    {
        var execution = await CreateExecutionAsync();
        var wait = CreateWaiter(Subject).WaitAsync(execution.Id, Ct);
        await Task.Delay(50);
        Assert.False(wait.IsCompleted);

        var lease = await ClaimPlanningAsync();
        await Commits.CommitPlanAsync(new PlanCommit(lease) { Execution = execution with { State = State.Failed, Error = "elsewhere" } }, Ct);

        var final = await wait.WaitAsync(Patience);
        Assert.Equal((State.Failed, "elsewhere"), (final.State, final.Error));
    }

    [Fact]
    public async Task Wait_Throws_ForAnUnknownExecution() =>
        await Assert.ThrowsAsync<KeyNotFoundException>(() => CreateWaiter(Subject).WaitAsync("no-such-execution", Ct).WaitAsync(Patience));

    [Fact]
    public async Task Wait_EndsWithItsCaller_WhenCancelled()
    {
        var execution = await CreateExecutionAsync();
        using var cancel = new CancellationTokenSource();
        var wait = CreateWaiter(Subject).WaitAsync(execution.Id, cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(Patience));
    }
}
