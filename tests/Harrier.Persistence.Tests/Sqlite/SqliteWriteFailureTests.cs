using Harrier.Core.Metrics;
using Harrier.TestKit.Contracts;
using Xunit;

namespace Harrier.Persistence.Tests.Sqlite;

/// <summary>A write that fails or is cancelled leaves nothing behind, and the store keeps working afterwards.</summary>
public sealed class SqliteWriteFailureTests : IAsyncLifetime
{
    private readonly TempDataDirectory _directory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _directory.DeleteAsync();

    [Fact]
    public async Task SaveTaskRun_OfAnUnknownExecution_Fails_AndStoresNothing()
    {
        var store = await _directory.OpenAsync();
        var orphan = ContractData.TaskRun("no-such-execution", "orphan");

        await Assert.ThrowsAnyAsync<Exception>(() => store.Executions.SaveTaskRunAsync(orphan, CancellationToken.None));

        Assert.Null(await store.Executions.GetTaskRunAsync(orphan.Id, CancellationToken.None));
    }

    [Fact]
    public async Task SaveTaskRun_RejectsANaNMetric_WithItsName()
    {
        var store = await _directory.OpenAsync();
        var execution = ContractData.Execution();
        await store.Executions.CreateExecutionAsync(execution, CancellationToken.None);
        var run = ContractData.TaskRun(execution.Id) with { Metrics = [new MetricEntry("ratio", MetricType.Gauge, double.NaN, MetricEntry.NoTags)] };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.Executions.SaveTaskRunAsync(run, CancellationToken.None));

        Assert.Contains("Metric 'ratio'", error.Message, StringComparison.Ordinal);
        Assert.Null(await store.Executions.GetTaskRunAsync(run.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Writes_WithACancelledToken_ThrowAndStoreNothing()
    {
        var store = await _directory.OpenAsync();
        var execution = ContractData.Execution();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.Executions.CreateExecutionAsync(execution, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.Logs.AppendAsync(
            [new Core.Executions.LogEntry { ExecutionId = execution.Id, Level = Core.Logs.TaskLogLevel.Info, Message = "x", Timestamp = ContractData.T0 }],
            cancelled.Token));

        Assert.Null(await store.Executions.GetExecutionAsync(execution.Id, CancellationToken.None));
        Assert.Equal(0, await store.Logs.CountAsync(execution.Id, CancellationToken.None));
    }
}
