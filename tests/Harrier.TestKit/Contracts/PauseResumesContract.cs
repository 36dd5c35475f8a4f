using Harrier.Core.Executions;
using Harrier.Core.Store;
using Xunit;
using static Harrier.TestKit.Contracts.ContractData;

namespace Harrier.TestKit.Contracts;

/// <summary>What every <see cref="IPauseResumes"/> must do: PAUSED runs go RUNNING with their outputs, fenced, with a wake-up.</summary>
public abstract class PauseResumesContract : StoreContract
{
    protected abstract IPauseResumes Resumes { get; }

    private async Task<(Execution Execution, TaskRun Paused)> PausedAsync()
    {
        var execution = await CreateExecutionAsync(owner: "host:1:2");
        var paused = NewRun(execution.Id, "pause") with
        {
            State = State.Paused,
            Outputs = new Dictionary<string, object?> { ["kept"] = 1L },
            Decision = new FlowableDecision { Paused = true, ResumeAt = T0.AddHours(1), ResumeState = State.Failed },
        };
        await PlanAsync(execution, paused);
        await DrainWakeupsAsync("host:1:2");
        return (execution, (await Store.GetTaskRunAsync(paused.Id, Ct))!);
    }

    private static Dictionary<string, IReadOnlyDictionary<string, object?>> OnResume(TaskRun run, object? approved) =>
        new() { [run.Id] = new Dictionary<string, object?> { ["onResume"] = new Dictionary<string, object?> { ["approved"] = approved } } };

    [Fact]
    public async Task Resume_MovesThePausedRunToRunning_WithItsOutputs_AndWakesTheExecution()
    {
        var (execution, paused) = await PausedAsync();

        Assert.Equal(ResumeOutcome.Resumed, await Resumes.ResumeAsync(execution.Id, OnResume(paused, true), Ct));

        var resumed = (await Store.GetTaskRunAsync(paused.Id, Ct))!;
        Assert.Equal(State.Running, resumed.State);
        Assert.Equal(1L, resumed.Outputs["kept"]);
        Assert.Equal(true, ((IReadOnlyDictionary<string, object?>)resumed.Outputs["onResume"]!)["approved"]);
        Assert.True(resumed.Decision!.Paused);
        Assert.Equal(T0.AddHours(1), resumed.Decision.ResumeAt);
        Assert.Equal(State.Failed, resumed.Decision.ResumeState);
        Assert.NotEqual(paused.Version, resumed.Version);
        Assert.Equal(execution.Id, (await Planning.TryClaimAsync("e1", "host:1:2", Lease, Ct))?.ExecutionId);
    }

    [Fact]
    public async Task APlanningPassHoldingThePausedVersion_ConflictsAfterAResume()
    {
        var (execution, paused) = await PausedAsync();
        await Resumes.ResumeAsync(execution.Id, OnResume(paused, true), Ct);
        var lease = await ClaimPlanningAsync("host:1:2");

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Commits.CommitPlanAsync(new PlanCommit(lease)
        {
            TaskRuns = [paused with { State = State.Failed, EndDate = T0 }],
        }, Ct));
        Assert.Equal(State.Running, (await Store.GetTaskRunAsync(paused.Id, Ct))!.State);
    }

    [Fact]
    public async Task Resume_SaysWhenNothingWasPaused_TheExecutionEnded_OrIsUnknown()
    {
        var (execution, paused) = await PausedAsync();
        await Resumes.ResumeAsync(execution.Id, OnResume(paused, true), Ct);
        var finished = ContractData.Execution() with { State = State.Success };
        await Store.CreateExecutionAsync(finished, Ct);

        Assert.Equal(ResumeOutcome.NotPaused, await Resumes.ResumeAsync(execution.Id, OnResume(paused, false), Ct));
        Assert.Equal(ResumeOutcome.AlreadyFinished, await Resumes.ResumeAsync(finished.Id, OnResume(paused, false), Ct));
        Assert.Equal(ResumeOutcome.NotFound, await Resumes.ResumeAsync("no-such-execution", OnResume(paused, false), Ct));
        Assert.Equal(true, ((IReadOnlyDictionary<string, object?>)(await Store.GetTaskRunAsync(paused.Id, Ct))!.Outputs["onResume"]!)["approved"]);
    }
}
