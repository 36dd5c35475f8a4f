using Harrier.Core.Executions;
using Harrier.Core.Logs;
using Harrier.Core.Store;
using Xunit;
using static Harrier.TestKit.Contracts.ContractData;

namespace Harrier.TestKit.Contracts;

/// <summary>What every <see cref="IExecutionDeletions"/> must do: an ended execution goes with all its rows; a running one stays.</summary>
public abstract class ExecutionDeletionsContract : ServerSeamsContract
{
    private async Task<Execution> AddAsync(State state)
    {
        var execution = Execution() with { State = state };
        await Seams.Engine.Store.CreateExecutionAsync(execution, Ct);
        await Seams.Engine.Store.SaveTaskRunAsync(TaskRun(execution.Id), Ct);
        await Seams.Engine.Logs.AppendAsync([new LogEntry { ExecutionId = execution.Id, Level = TaskLogLevel.Info, Message = "line", Timestamp = T0 }], Ct);
        return execution;
    }

    [Fact]
    public async Task Delete_RemovesAnEndedExecution_ItsTaskRuns_AndItsLogs()
    {
        var ended = await AddAsync(State.Failed);
        var other = await AddAsync(State.Success);

        Assert.Equal(ExecutionDeletion.Deleted, await Seams.Deletions.DeleteAsync(ended.Id, keepLogs: false, Ct));

        Assert.Null(await Seams.Engine.Store.GetExecutionAsync(ended.Id, Ct));
        Assert.Empty(await Seams.Engine.Store.GetTaskRunsAsync(ended.Id, Ct));
        Assert.Equal(0, await Seams.Engine.Logs.CountAsync(ended.Id, Ct));
        Assert.NotNull(await Seams.Engine.Store.GetExecutionAsync(other.Id, Ct));
        Assert.Equal(1, await Seams.Engine.Logs.CountAsync(other.Id, Ct));
        Assert.Equal(ExecutionDeletion.NotFound, await Seams.Deletions.DeleteAsync(ended.Id, keepLogs: false, Ct));
    }

    [Fact]
    public async Task Delete_RefusesAnExecutionThatHasNotEnded_AndCanKeepLogs()
    {
        var running = await AddAsync(State.Running);
        var ended = await AddAsync(State.Success);

        Assert.Equal(ExecutionDeletion.NotFinished, await Seams.Deletions.DeleteAsync(running.Id, keepLogs: false, Ct));
        Assert.Equal(ExecutionDeletion.Deleted, await Seams.Deletions.DeleteAsync(ended.Id, keepLogs: true, Ct));

        Assert.NotNull(await Seams.Engine.Store.GetExecutionAsync(running.Id, Ct));
        Assert.Single(await Seams.Engine.Store.GetTaskRunsAsync(running.Id, Ct));
        Assert.Equal(1, await Seams.Engine.Logs.CountAsync(ended.Id, Ct));
    }
}
