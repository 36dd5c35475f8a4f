using Harrier.Core.Queue;

namespace Harrier.Persistence.Sqlite;

/// <summary>Durable executor wake-ups in SQLite (table <c>execution_wakeups</c>, contract: <see cref="IPlanningQueue"/>).</summary>
public sealed class SqlitePlanningQueue(SqliteDatabase database, TimeProvider time) : IPlanningQueue
{
    private const string Claimable = "owner IS @scope AND due_at <= @now AND (lease_expires_at IS NULL OR lease_expires_at <= @now)";

    private const string Claim =
        "UPDATE execution_wakeups SET lease_owner = @owner, lease_expires_at = @expires, lease_epoch = lease_epoch + 1 " +
        "WHERE execution_id = (SELECT execution_id FROM execution_wakeups WHERE " + Claimable + " ORDER BY due_at LIMIT 1) " +
        "RETURNING execution_id, lease_epoch, wake_count";

    private const string AnyClaimable = "SELECT 1 FROM execution_wakeups WHERE " + Claimable + " LIMIT 1";

    private const string NextDue =
        "SELECT MIN(CASE WHEN lease_expires_at IS NULL OR lease_expires_at < due_at THEN due_at ELSE lease_expires_at END) " +
        "FROM execution_wakeups WHERE owner IS @scope";

    public async Task<PlanningLease?> TryClaimAsync(string executorId, string? owner, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(executorId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        var any = await database.QueryAsync(read =>
        {
            var command = read.Command(AnyClaimable);
            return command.Bind("@scope", owner).Bind("@now", SqliteDates.ToText(time.GetUtcNow())).ExecuteScalar() is not null;
        }, cancellationToken).ConfigureAwait(false);
        if (!any)
        {
            return null;
        }

        return await database.WriteAsync(write =>
        {
            var now = time.GetUtcNow();
            var expires = now + leaseDuration;
            using var reader = write.Command(Claim).Bind("@owner", executorId).Bind("@expires", SqliteDates.ToText(expires))
                .Bind("@now", SqliteDates.ToText(now)).Bind("@scope", owner).ExecuteReader();
            return reader.Read() ? new PlanningLease(reader.GetString(0), executorId, reader.GetInt64(1), reader.GetInt64(2), expires) : null;
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task<bool> ReleaseAsync(PlanningLease lease, CancellationToken cancellationToken) =>
        database.WriteAsync(write => WakeupLeases.Free(write, lease, time.GetUtcNow()), cancellationToken);

    public Task WakeAsync(string executionId, DateTimeOffset? at, CancellationToken cancellationToken) =>
        database.WriteAsync(write =>
        {
            WakeupRows.Wake(write, executionId, at ?? time.GetUtcNow());
            return 0;
        }, cancellationToken);

    public Task<DateTimeOffset?> NextDueAsync(string? owner, CancellationToken cancellationToken) =>
        database.QueryAsync(read =>
        {
            var command = read.Command(NextDue);
            return SqliteDates.ParseOrNull(command.Bind("@scope", owner).ExecuteScalar() as string);
        }, cancellationToken);
}
