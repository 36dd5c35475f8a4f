using Harrier.Core.Executions;
using Harrier.Core.Store;

namespace Harrier.Persistence.Postgres;

/// <summary>Kill requests stored on the execution row, with the wake-up and a notification in the same transaction (contract: <see cref="IKillRequests"/>).</summary>
public sealed class PostgresKillRequests(PostgresDatabase database, TimeProvider time) : IKillRequests
{
    private const string Read = "SELECT state, kill_requested_at IS NOT NULL, retry_at IS NOT NULL FROM executions WHERE id = @id";

    // Conditional, so two requests at once store one; the wake-up is written first (lock order: wake-up, then execution).
    private const string Request =
        "UPDATE executions SET kill_requested_at = @now WHERE id = @id AND kill_requested_at IS NULL AND (state NOT IN " + ExecutionRows.TerminalStates +
        " OR retry_at IS NOT NULL)";

    public Task<KillRequestOutcome> RequestKillAsync(string executionId, CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
        {
            var row = await session.Sql(Read).Bind("@id", executionId)
                .ReadOneAsync(r => Tuple.Create(States.Parse(r.GetString(0)), r.GetBoolean(1), r.GetBoolean(2)), cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return KillRequestOutcome.NotFound;
            }

            // A RETRIED execution waiting for its next attempt can still be killed: that cancels the attempt.
            if (row.Item1.IsTerminal() && !row.Item3)
            {
                return KillRequestOutcome.AlreadyFinished;
            }

            if (row.Item2)
            {
                return KillRequestOutcome.AlreadyRequested;
            }

            var now = time.GetUtcNow();
            await WakeupRows.WakeAsync(session, executionId, now, cancellationToken).ConfigureAwait(false);
            if (await session.Sql(Request).Bind("@id", executionId).Bind("@now", now).ExecuteAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                // Another request (or the end) came between the read and the update: the extra wake-up costs one empty pass.
                return KillRequestOutcome.AlreadyRequested;
            }

            session.Notify(Notifications.Kills, executionId);
            return KillRequestOutcome.Requested;
        }, cancellationToken);

    public Task<IReadOnlyList<string>> FindKillRequestedAsync(IReadOnlyCollection<string> executionIds, CancellationToken cancellationToken)
    {
        if (executionIds.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<string>>([]);
        }

        return database.ReadAsync<IReadOnlyList<string>>(async session =>
        {
            var killed = await session.Sql("SELECT id FROM executions WHERE id = ANY(@ids) AND kill_requested_at IS NOT NULL")
                .Bind("@ids", executionIds.ToArray()).ReadAllAsync(r => r.GetString(0), cancellationToken).ConfigureAwait(false);
            // In the order asked, as SQLite answers.
            var set = killed.ToHashSet(StringComparer.Ordinal);
            return [.. executionIds.Where(set.Contains)];
        }, cancellationToken);
    }
}
