namespace Harrier.Core.Store;

/// <summary>
/// Durable kill requests. A request is stored with the execution and wakes its executor in the same transaction, so it
/// reaches the executor and the workers wherever they run, even across a crash of the process that asked.
/// </summary>
public interface IKillRequests
{
    Task<KillRequestOutcome> RequestKillAsync(string executionId, CancellationToken cancellationToken);

    /// <summary>Those of <paramref name="executionIds"/> with a stored kill request (workers poll it for what they run).</summary>
    Task<IReadOnlyList<string>> FindKillRequestedAsync(IReadOnlyCollection<string> executionIds, CancellationToken cancellationToken);
}

public enum KillRequestOutcome
{
    /// <summary>Stored now.</summary>
    Requested,

    /// <summary>A kill was already requested; nothing changed.</summary>
    AlreadyRequested,

    /// <summary>The execution had already ended; nothing changed.</summary>
    AlreadyFinished,

    NotFound,
}
