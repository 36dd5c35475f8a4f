using Harrier.Core.Executions;
using Harrier.Core.Logs;
using Harrier.Persistence.Sqlite;
using Harrier.TestKit.Contracts;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Harrier.Persistence.Tests.Sqlite;

/// <summary>Migration 0003: a database of schema v2 (one row per line in <c>logs</c>) keeps every line, with its sequence.</summary>
public sealed class LogChunksMigrationTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly TempDataDirectory _directory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _directory.DeleteAsync();

    // Lengths on each side of the varint's 1-, 2-, 3- and 4-byte boundaries (127, 16,383, 2,097,151 bytes).
    private static readonly string[] Messages =
    [
        "",
        "plain",
        "ünïcode ✓ 🚀 \"quotes\" \\ \t tab",
        new string('x', 127),
        new string('x', 128),
        new string('é', 8_192),
        new string('x', 16_384),
        new string('x', 16_383),
        new string('✓', 700_000),
    ];

    [Fact]
    public async Task Open_ConvertsEveryV2LogRow_KeepingItsSequenceAndColumns()
    {
        var executionId = ContractData.NewId("ex");
        var levels = new[] { "TRACE", "DEBUG", "INFO", "WARN", "ERROR" };
        var messages = Messages;
        var expected = new List<LogEntry>();
        using (var v2 = CreateV2Database())
        {
            // Gaps in seq, as deleted lines would leave, and another execution in between.
            for (var i = 0; i < messages.Length; i++)
            {
                var line = new LogEntry
                {
                    Sequence = 10 + (i * 3),
                    ExecutionId = executionId,
                    TaskRunId = i == 2 ? null : "tr-1",
                    TaskId = i == 2 ? null : "hello",
                    Attempt = i == 2 ? null : i,
                    Level = Enum.Parse<TaskLogLevel>(levels[i % levels.Length], ignoreCase: true),
                    Message = messages[i],
                    Timestamp = ContractData.T0.AddTicks(i * 12_345L),
                };
                InsertV2Row(v2, line);
                InsertV2Row(v2, line with { Sequence = line.Sequence + 1, ExecutionId = "someone-else" });
                expected.Add(line);
            }
        }

        var store = await _directory.OpenAsync();

        Assert.Equal(expected, await store.Logs.ReadAsync(executionId, 0, 100, Ct));
        Assert.Equal(expected.Skip(4), await store.Logs.ReadAsync(executionId, expected[3].Sequence, 100, Ct));
        Assert.Equal(messages.Length, await store.Logs.CountAsync(executionId, Ct));
        Assert.Equal(messages.Length, await store.Logs.CountAsync("someone-else", Ct));
        var next = await store.Logs.AppendAsync([expected[0] with { Message = "after the migration" }], Ct);
        Assert.Equal(expected[^1].Sequence + 2, Assert.Single(next).Sequence);
        Assert.Equal(0L, ScalarLong("SELECT COUNT(*) FROM sqlite_master WHERE name = 'logs'"));
    }

    private string DatabasePath => Path.Combine(_directory.Path, "harrier.db");

    /// <summary>A database as Harrier left it before chunks: migrations 1 and 2 applied, nothing else.</summary>
    private SqliteConnection CreateV2Database()
    {
        Directory.CreateDirectory(_directory.Path);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, "CREATE TABLE schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        foreach (var (version, name, sql) in SqliteMigrations.All.Where(m => m.Version <= 2))
        {
            Execute(connection, sql);
            Execute(connection, $"INSERT INTO schema_migrations VALUES ({version}, '{name}', '2026-01-01T00:00:00.0000000Z')");
        }

        return connection;
    }

    private static void InsertV2Row(SqliteConnection connection, LogEntry line)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO logs (seq, execution_id, task_run_id, task_id, attempt, level, message, timestamp) VALUES ($seq, $e, $tr, $t, $a, $l, $m, $ts)";
        command.Parameters.AddWithValue("$seq", line.Sequence);
        command.Parameters.AddWithValue("$e", line.ExecutionId);
        command.Parameters.AddWithValue("$tr", (object?)line.TaskRunId ?? DBNull.Value);
        command.Parameters.AddWithValue("$t", (object?)line.TaskId ?? DBNull.Value);
        command.Parameters.AddWithValue("$a", (object?)line.Attempt ?? DBNull.Value);
        command.Parameters.AddWithValue("$l", line.Level.ToName());
        command.Parameters.AddWithValue("$m", line.Message);
        command.Parameters.AddWithValue("$ts", SqliteDates.ToText(line.Timestamp));
        command.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private long ScalarLong(string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
