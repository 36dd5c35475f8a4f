using Harrier.Core.Store;

namespace Harrier.Persistence.Sqlite;

/// <summary>Job queue figures for monitoring, read on a reader connection (never blocks the engine's writes).</summary>
public sealed class SqliteQueueStatistics(SqliteDatabase database, TimeProvider time) : IQueueStatistics
{
    // A lease that has expired no longer holds its job: the job waits to be claimed again.
    private const string Depth =
        "SELECT COUNT(*), COALESCE(SUM(lease_owner IS NOT NULL AND lease_expires_at > @now), 0) FROM jobs";

    public Task<QueueDepth> GetDepthAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            using var command = SqliteCommands.Create(connection, null, Depth).Bind("@now", SqliteDates.ToText(time.GetUtcNow()));
            using var reader = command.ExecuteReader();
            reader.Read();
            var all = reader.GetInt64(0);
            var leased = reader.GetInt64(1);
            return new QueueDepth(all - leased, leased);
        }, cancellationToken);
}
