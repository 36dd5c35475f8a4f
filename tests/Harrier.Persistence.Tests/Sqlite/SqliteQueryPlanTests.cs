using Harrier.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Harrier.Persistence.Tests.Sqlite;

/// <summary>
/// The engine's hot reads search an index instead of scanning: without statistics SQLite once chose an index that made
/// every planning pass read every task run of the execution (a step of a 1,000-step flow cost 30 page reads).
/// </summary>
public sealed class SqliteQueryPlanTests : IAsyncLifetime
{
    private readonly TempDataDirectory _directory = new();

    public async Task InitializeAsync() => await (await _directory.OpenAsync()).DisposeAsync();

    public Task DisposeAsync() => _directory.DeleteAsync();

    public static TheoryData<string, string> HotQueries => new()
    {
        { TaskRunRows.SelectUnfinished, "task_runs_unfinished" },
        { TaskRunRows.SelectChangedSince, "task_runs_changes" },
        { TaskRunRows.SelectWithOutputs, "task_runs_with_outputs" },
        { TaskRunRows.SelectByIdentity, "task_runs_identity" },
        { TaskRunRows.SelectValues, "PRIMARY KEY" },
        { "SELECT id FROM jobs WHERE owner IS @scope AND not_before <= @now ORDER BY not_before, id LIMIT 1", "jobs_owner_due" },
        { "SELECT execution_id FROM execution_wakeups WHERE owner IS @scope AND due_at <= @now ORDER BY due_at LIMIT 1", "execution_wakeups_due" },
    };

    [Theory]
    [MemberData(nameof(HotQueries))]
    public void HotQuery_SearchesItsIndex(string sql, string index)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory.Path, "harrier.db")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var name in new[] { "@execution_id", "@after", "@task_id", "@parent", "@iteration", "@id", "@from", "@until", "@scope", "@now" })
        {
            if (sql.Contains(name, StringComparison.Ordinal))
            {
                command.Parameters.AddWithValue(name, DBNull.Value);
            }
        }

        var plan = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.Contains(plan, step => step.StartsWith("SEARCH", StringComparison.Ordinal) && step.Contains(index, StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal));
    }
}
