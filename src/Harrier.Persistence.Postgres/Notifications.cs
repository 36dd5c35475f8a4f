namespace Harrier.Persistence.Postgres;

/// <summary>
/// The LISTEN/NOTIFY channels the store sends on when its transactions commit (see <see cref="PgSession.Notify"/>), which
/// <see cref="PostgresNotificationListener"/> turns into this process's nudges. A notification only says "look now": the
/// rows are the record, and loops still poll at a bounded interval.
/// </summary>
internal static class Notifications
{
    /// <summary>A job was enqueued or handed back.</summary>
    public const string Jobs = "harrier_jobs";

    /// <summary>An execution got a wake-up (its executor must plan it).</summary>
    public const string Wakeups = "harrier_wakeups";

    /// <summary>An execution ended; the payload is its id.</summary>
    public const string Ends = "harrier_ends";

    /// <summary>A kill was requested; the payload is the execution's id.</summary>
    public const string Kills = "harrier_kills";
}
