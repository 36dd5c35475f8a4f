using Harrier.Core.Queue;

namespace Harrier.Persistence.Postgres;

/// <summary>Ending a planning lease inside the caller's transaction: the wake-up is done, or due again.</summary>
internal static class WakeupLeases
{
    private const string Held = "execution_id = @id AND lease_owner = @owner AND lease_epoch = @epoch";

    /// <summary>Locks the wake-up while the lease holds it, so nobody takes it over before this transaction commits.</summary>
    public const string LockHeld = "SELECT 1 FROM execution_wakeups WHERE " + Held + " FOR UPDATE";

    private const string DeleteIfQuiet = "DELETE FROM execution_wakeups WHERE " + Held + " AND wake_count = @wake_count";

    private const string FreeAt =
        "UPDATE execution_wakeups SET lease_owner = NULL, lease_expires_at = NULL, " +
        "due_at = CASE WHEN wake_count <> @wake_count THEN @now ELSE @due_at END WHERE " + Held;

    private const string Take =
        "UPDATE execution_wakeups SET lease_owner = @owner, lease_expires_at = @expires, lease_epoch = lease_epoch + 1 " +
        "WHERE execution_id = @id AND due_at <= @now AND (lease_expires_at IS NULL OR lease_expires_at <= @now) RETURNING lease_epoch, wake_count";

    public static async Task<bool> IsHeldAsync(PgSession session, PlanningLease lease, CancellationToken cancellationToken) =>
        await Bind(session.Sql(LockHeld), lease).ScalarAsync(cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>Completes the pass: deletes or reschedules the wake-up. False when the lease was lost.</summary>
    public static async Task<bool> CompleteAsync(PgSession session, PlanningLease lease, DateTimeOffset now, DateTimeOffset? wakeAt, CancellationToken cancellationToken)
    {
        if (wakeAt is null && await Bind(session.Sql(DeleteIfQuiet), lease).Bind("@wake_count", lease.WakeCount).ExecuteAsync(cancellationToken).ConfigureAwait(false) == 1)
        {
            return true;
        }

        var freed = await Bind(session.Sql(FreeAt), lease).Bind("@wake_count", lease.WakeCount).Bind("@now", now)
            .Bind("@due_at", wakeAt ?? now).ExecuteAsync(cancellationToken).ConfigureAwait(false) == 1;
        if (freed)
        {
            // Due again (now, or at a timer another process may be the first to reach): executors look.
            session.Notify(Notifications.Wakeups);
        }

        return freed;
    }

    /// <summary>Leases the execution's wake-up to <paramref name="executorId"/> when it is free; null otherwise.</summary>
    public static async Task<PlanningLease?> TakeIfFreeAsync(
        PgSession session, string executionId, string executorId, TimeSpan leaseDuration, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var expires = now + leaseDuration;
        return await session.Sql(Take).Bind("@id", executionId).Bind("@owner", executorId).Bind("@expires", expires).Bind("@now", now)
            .ReadOneAsync(r => new PlanningLease(executionId, executorId, r.GetInt64(0), r.GetInt64(1), expires), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Hands the wake-up back, due now. False when the lease was lost.</summary>
    public static async Task<bool> FreeAsync(PgSession session, PlanningLease lease, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var freed = await Bind(session.Sql(FreeAt), lease).Bind("@wake_count", -1L).Bind("@now", now).Bind("@due_at", now)
            .ExecuteAsync(cancellationToken).ConfigureAwait(false) == 1;
        if (freed)
        {
            session.Notify(Notifications.Wakeups);
        }

        return freed;
    }

    private static PgStatement Bind(PgStatement statement, PlanningLease lease) =>
        statement.Bind("@id", lease.ExecutionId).Bind("@owner", lease.ExecutorId).Bind("@epoch", lease.Epoch);
}
