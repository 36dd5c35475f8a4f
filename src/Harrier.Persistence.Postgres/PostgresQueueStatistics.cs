using Harrier.Core.Store;

namespace Harrier.Persistence.Postgres;

/// <summary>Job queue figures for monitoring (a plain read: never blocks the engine's writes).</summary>
public sealed class PostgresQueueStatistics(PostgresDatabase database, TimeProvider time) : IQueueStatistics
{
    private const string Depth =
        "SELECT COUNT(*), COUNT(*) FILTER (WHERE lease_owner IS NOT NULL AND lease_expires_at > @now) FROM jobs";

    public Task<QueueDepth> GetDepthAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(async session => (await session.Sql(Depth).Bind("@now", time.GetUtcNow())
            .ReadOneAsync(r => new QueueDepth(r.GetInt64(0) - r.GetInt64(1), r.GetInt64(1)), cancellationToken).ConfigureAwait(false))!, cancellationToken);
}
