namespace Harrier.Core.Engine.Coordination;

/// <summary>
/// What a store hears from other processes sharing its database (PostgreSQL's LISTEN/NOTIFY), raised so this process's
/// engine looks at once instead of at its next poll. Like <see cref="IEngineNudges"/>, never the record of anything: a
/// notification lost (the listening connection reconnecting) only delays work until the next bounded poll.
/// </summary>
public interface IStoreNotifications
{
    /// <summary>A job was enqueued or handed back.</summary>
    event Action? JobsAvailable;

    /// <summary>An execution got a wake-up.</summary>
    event Action? ExecutionsChanged;

    /// <summary>An execution ended (its id).</summary>
    event Action<string>? ExecutionEnded;

    /// <summary>A kill was requested (the execution's id).</summary>
    event Action<string>? KillRequested;
}
