using Harrier.Core.Executions;
using Harrier.Core.Logs;
using Harrier.Persistence.Sqlite;
using Harrier.TestKit.Contracts;
using Xunit;

namespace Harrier.Persistence.Tests.Sqlite;

/// <summary>Disposing the store really closes the file, and a disposed store refuses work instead of reopening it.</summary>
public sealed class SqliteStoreLifetimeTests : IAsyncLifetime
{
    private readonly TempDataDirectory _directory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _directory.DeleteAsync();

    [Fact]
    public async Task Dispose_ClosesEveryConnection_SoSqliteCheckpointsAndRemovesTheWal()
    {
        var store = await SqliteStore.OpenAsync(_directory.Path, TimeProvider.System, CancellationToken.None);
        var executionId = ContractData.NewId("ex");
        await store.Logs.AppendAsync([new LogEntry { ExecutionId = executionId, Level = TaskLogLevel.Info, Message = "x", Timestamp = ContractData.T0 }], CancellationToken.None);
        await store.Logs.CountAsync(executionId, CancellationToken.None);
        Assert.True(File.Exists(Path.Combine(_directory.Path, "harrier.db-wal")));

        await store.DisposeAsync();
        await store.DisposeAsync();

        Assert.False(File.Exists(Path.Combine(_directory.Path, "harrier.db-wal")));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.Logs.CountAsync(executionId, CancellationToken.None));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.Kills.RequestKillAsync(executionId, CancellationToken.None));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.Executions.GetExecutionAsync(executionId, CancellationToken.None));
    }
}
