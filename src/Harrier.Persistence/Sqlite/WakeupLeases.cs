using Harrier.Core.Queue;

namespace Harrier.Persistence.Sqlite;

/// <summary>Ending a planning lease inside the caller's transaction: the wake-up is done, or due again.</summary>
internal static class WakeupLeases
{
    private const string Held = "execution_id = @id AND lease_owner = @owner AND lease_epoch = @epoch";

    // Done only when no wake-up came during the pass (wake_count as claimed) and no timer is asked for.
    private const string DeleteIfQuiet = "DELETE FROM execution_wakeups WHERE " + Held + " AND wake_count = @wake_count";

    // Otherwise freed: due now when something came meanwhile, else at the timer the pass asked for.
    private const string FreeAt =
        "UPDATE execution_wakeups SET lease_owner = NULL, lease_expires_at = NULL, " +
        "due_at = CASE WHEN wake_count <> @wake_count THEN @now ELSE @due_at END WHERE " + Held;

    /// <summary>Completes the pass: deletes or reschedules the wake-up. False when the lease was lost.</summary>
    public static bool Complete(SqliteWrite write, PlanningLease lease, DateTimeOffset now, DateTimeOffset? wakeAt)
    {
        if (wakeAt is null && Bind(write.Command(DeleteIfQuiet), lease).Bind("@wake_count", lease.WakeCount).ExecuteNonQuery() == 1)
        {
            return true;
        }

        return Bind(write.Command(FreeAt), lease).Bind("@wake_count", lease.WakeCount).Bind("@now", SqliteDates.ToText(now))
            .Bind("@due_at", SqliteDates.ToText(wakeAt ?? now)).ExecuteNonQuery() == 1;
    }

    // A hand-off takes only a wake-up that is due and that no executor holds (or whose holder's lease ran out).
    private const string Take =
        "UPDATE execution_wakeups SET lease_owner = @owner, lease_expires_at = @expires, lease_epoch = lease_epoch + 1 " +
        "WHERE execution_id = @id AND due_at <= @now AND (lease_expires_at IS NULL OR lease_expires_at <= @now) RETURNING lease_epoch, wake_count";

    /// <summary>Leases the execution's wake-up to <paramref name="executorId"/> when it is free; null otherwise.</summary>
    public static PlanningLease? TakeIfFree(SqliteWrite write, string executionId, string executorId, TimeSpan leaseDuration, DateTimeOffset now)
    {
        var expires = now + leaseDuration;
        using var reader = write.Command(Take).Bind("@id", executionId).Bind("@owner", executorId)
            .Bind("@expires", SqliteDates.ToText(expires)).Bind("@now", SqliteDates.ToText(now)).ExecuteReader();
        return reader.Read() ? new PlanningLease(executionId, executorId, reader.GetInt64(0), reader.GetInt64(1), expires) : null;
    }

    /// <summary>Hands the wake-up back, due now. False when the lease was lost.</summary>
    public static bool Free(SqliteWrite write, PlanningLease lease, DateTimeOffset now) =>
        Bind(write.Command(FreeAt), lease).Bind("@wake_count", -1L).Bind("@now", SqliteDates.ToText(now))
            .Bind("@due_at", SqliteDates.ToText(now)).ExecuteNonQuery() == 1;

    private static Microsoft.Data.Sqlite.SqliteCommand Bind(Microsoft.Data.Sqlite.SqliteCommand command, PlanningLease lease) =>
        command.Bind("@id", lease.ExecutionId).Bind("@owner", lease.ExecutorId).Bind("@epoch", lease.Epoch);
}
