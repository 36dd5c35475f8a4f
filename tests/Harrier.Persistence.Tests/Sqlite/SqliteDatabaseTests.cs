using Harrier.Core.Executions;
using Harrier.Core.Logs;
using Harrier.Core.Queue;
using Harrier.Persistence.Sqlite;
using Harrier.TestKit.Contracts;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Harrier.Persistence.Tests.Sqlite;

/// <summary>What is particular to the SQLite file: migrations, reopening, WAL, errors a user can meet.</summary>
public sealed class SqliteDatabaseTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly TempDataDirectory _directory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _directory.DeleteAsync();

    [Fact]
    public async Task Open_Twice_AppliesEachMigrationOnce()
    {
        await using (await SqliteStore.OpenAsync(_directory.Path, TimeProvider.System, Ct))
        {
        }

        await _directory.OpenAsync();
        await _directory.OpenAsync();

        var versions = Query(DatabasePath, "SELECT version FROM schema_migrations ORDER BY version");
        Assert.Equal(SqliteMigrations.All.Select(m => (object)(long)m.Version), versions);
        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L], versions.Cast<long>());
    }

    [Fact]
    public async Task Reopen_KeepsExecutionsTaskRunsLogsAndJobs()
    {
        var execution = ContractData.Execution();
        var taskRun = ContractData.TaskRun(execution.Id);
        var job = new WorkerJob(execution.Id, taskRun.Id, 1) { WorkerGroup = "g" };
        await using (var store = await SqliteStore.OpenAsync(_directory.Path, TimeProvider.System, Ct))
        {
            await store.Executions.CreateExecutionAsync(execution, Ct);
            await store.Executions.SaveTaskRunAsync(taskRun, Ct);
            await store.Logs.AppendAsync([new LogEntry { ExecutionId = execution.Id, Level = TaskLogLevel.Info, Message = "kept", Timestamp = ContractData.T0 }], Ct);
            await store.Jobs.EnqueueAsync(job, null, Ct);
        }

        var reopened = await _directory.OpenAsync();

        RecordAssert.Equal(ContractData.AsStored(execution), await reopened.Executions.GetExecutionAsync(execution.Id, Ct));
        RecordAssert.Equal(taskRun, await reopened.Executions.GetTaskRunAsync(taskRun.Id, Ct));
        Assert.Equal("kept", Assert.Single(await reopened.Logs.ReadAsync(execution.Id, 0, 10, Ct)).Message);
        Assert.Equal(job, (await reopened.Jobs.TryClaimAsync(new JobClaim("w", "g", null, TimeSpan.FromSeconds(5)), Ct))?.Job);
    }

    [Fact]
    public async Task Open_UsesWriteAheadLogging()
    {
        var store = await _directory.OpenAsync();

        Assert.Equal("wal", await store.Database.PragmaAsync("journal_mode", Ct));
        Assert.True(File.Exists(DatabasePath + "-wal"));
    }

    [Fact]
    public async Task Open_FailsWithAClearMessage_WhenTheDataDirectoryCannotBeCreated()
    {
        Directory.CreateDirectory(_directory.Path);
        var file = Path.Combine(_directory.Path, "a-file");
        await File.WriteAllTextAsync(file, "not a directory");
        var dataDirectory = Path.Combine(file, "data");

        var error = await Assert.ThrowsAsync<DataDirectoryException>(() => SqliteStore.OpenAsync(dataDirectory, TimeProvider.System, Ct));

        Assert.Contains($"cannot write to its data directory '{dataDirectory}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_FailsWithAClearMessage_WhenTheDataDirectoryIsOnAReadOnlyFileSystem()
    {
        // Tests run as root here, which ignores permission bits; /proc refuses new directories even to root.
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var error = await Assert.ThrowsAsync<DataDirectoryException>(() => SqliteStore.OpenAsync("/proc/harrier-data", TimeProvider.System, Ct));

        Assert.Contains("cannot write to its data directory '/proc/harrier-data'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_FailsWithAClearMessage_WhenTheFileIsNotADatabase()
    {
        Directory.CreateDirectory(_directory.Path);
        await File.WriteAllTextAsync(DatabasePath, new string('x', 4096));

        var error = await Assert.ThrowsAsync<DataDirectoryException>(() => SqliteStore.OpenAsync(_directory.Path, TimeProvider.System, Ct));

        Assert.Contains($"cannot open its database '{DatabasePath}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_RefusesADatabaseFromANewerHarrier()
    {
        await using (await SqliteStore.OpenAsync(_directory.Path, TimeProvider.System, Ct))
        {
        }

        Query(DatabasePath, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, '9999_future', 'x')");

        var error = await Assert.ThrowsAsync<DataDirectoryException>(() => SqliteStore.OpenAsync(_directory.Path, TimeProvider.System, Ct));
        Assert.Contains("schema version 9999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_RejectsAnEmptyDataDirectory() =>
        await Assert.ThrowsAsync<DataDirectoryException>(() => SqliteStore.OpenAsync(" ", TimeProvider.System, Ct));

    [Fact]
    public async Task SaveTaskRun_Fails_WhenItsExecutionDoesNotExist()
    {
        var store = await _directory.OpenAsync();

        var error = await Assert.ThrowsAsync<KeyNotFoundException>(() => store.Executions.SaveTaskRunAsync(ContractData.TaskRun("missing"), Ct));

        Assert.Contains("'missing' does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoStoresOnTheSameFile_WriteConcurrently_WithoutLosingLines()
    {
        var one = await _directory.OpenAsync();
        var two = await _directory.OpenAsync();
        var executionId = ContractData.NewId("ex");

        await Task.WhenAll(new[] { one, two }.Select((store, n) => Task.Run(async () =>
        {
            for (var batch = 0; batch < 50; batch++)
            {
                await store.Logs.AppendAsync(
                    [.. Enumerable.Range(0, 20).Select(i => new LogEntry { ExecutionId = executionId, Level = TaskLogLevel.Info, Message = $"{n}", Timestamp = ContractData.T0 })],
                    Ct);
            }
        })));

        Assert.Equal(2000, await one.Logs.CountAsync(executionId, Ct));
    }

    [Fact]
    public async Task TwoStoresOnTheSameFile_ClaimEachJobExactlyOnce()
    {
        var stores = new[] { await _directory.OpenAsync(), await _directory.OpenAsync() };
        for (var i = 0; i < 200; i++)
        {
            await stores[i % 2].Jobs.EnqueueAsync(new WorkerJob("ex", $"tr-{i}", 1), null, Ct);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var mine = new List<long>();
            while (await stores[w % 2].Jobs.TryClaimAsync(new JobClaim($"w{w}", null, null, TimeSpan.FromMinutes(1)), Ct) is { } lease)
            {
                mine.Add(lease.JobId);
            }

            return mine;
        })));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(200, all.Count);
        Assert.Equal(200, all.Distinct().Count());
    }

    private string DatabasePath => Path.Combine(_directory.Path, "harrier.db");

    private static List<object> Query(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<object>();
        while (reader.Read())
        {
            values.Add(reader.GetValue(0));
        }

        return values;
    }
}
