using Harrier.Core.Executions;
using Harrier.Core.Store;

namespace Harrier.Persistence.Sqlite;

/// <summary>Kill requests stored on the execution row, with the wake-up in the same transaction (contract: <see cref="IKillRequests"/>).</summary>
public sealed class SqliteKillRequests(SqliteDatabase database, TimeProvider time) : IKillRequests
{
    private const string Read = "SELECT state, kill_requested_at, retry_at FROM executions WHERE id = @id";

    private const string Request = "UPDATE executions SET kill_requested_at = @now WHERE id = @id";

    public Task<KillRequestOutcome> RequestKillAsync(string executionId, CancellationToken cancellationToken) =>
        database.WriteAsync(write =>
        {
            using (var reader = write.Command(Read).Bind("@id", executionId).ExecuteReader())
            {
                if (!reader.Read())
                {
                    return KillRequestOutcome.NotFound;
                }

                // A RETRIED execution waiting for its next attempt can still be killed: that cancels the attempt.
                if (States.Parse(reader.GetString(0)).IsTerminal() && reader.IsDBNull(2))
                {
                    return KillRequestOutcome.AlreadyFinished;
                }

                if (!reader.IsDBNull(1))
                {
                    return KillRequestOutcome.AlreadyRequested;
                }
            }

            var now = time.GetUtcNow();
            write.Command(Request).Bind("@id", executionId).Bind("@now", SqliteDates.ToText(now)).ExecuteNonQuery();
            WakeupRows.Wake(write, executionId, now);
            return KillRequestOutcome.Requested;
        }, cancellationToken);

    public Task<IReadOnlyList<string>> FindKillRequestedAsync(IReadOnlyCollection<string> executionIds, CancellationToken cancellationToken)
    {
        if (executionIds.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<string>>([]);
        }

        return database.QueryAsync<IReadOnlyList<string>>(read =>
        {
            var command = read.Command("SELECT kill_requested_at IS NOT NULL FROM executions WHERE id = @id");
            var id = command.Parameters.Add("@id", Microsoft.Data.Sqlite.SqliteType.Text);
            var killed = new List<string>();
            foreach (var executionId in executionIds)
            {
                id.Value = executionId;
                if (command.ExecuteScalar() is long flag && flag != 0)
                {
                    killed.Add(executionId);
                }
            }

            return killed;
        }, cancellationToken);
    }
}
