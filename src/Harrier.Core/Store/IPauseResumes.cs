namespace Harrier.Core.Store;

/// <summary>
/// Resumes of paused task runs (a Pause waiting for a person or a tool). A resume moves each given run from PAUSED to
/// RUNNING with its outputs and wakes the execution's executor, in one transaction; the run's new version makes any
/// planning pass still holding the PAUSED version conflict and plan again, so a resume never races the executor.
/// </summary>
public interface IPauseResumes
{
    /// <param name="outputsByTaskRun">The runs to resume (by id) and the outputs each gets (<c>onResume</c>).</param>
    /// <returns>What happened; runs that were no longer PAUSED are left as they are.</returns>
    Task<ResumeOutcome> ResumeAsync(string executionId, IReadOnlyDictionary<string, IReadOnlyDictionary<string, object?>> outputsByTaskRun, CancellationToken cancellationToken);
}

public enum ResumeOutcome
{
    /// <summary>At least one run was PAUSED and is RUNNING now.</summary>
    Resumed,

    /// <summary>The execution runs but none of the given runs is PAUSED (resumed already, or by its delay).</summary>
    NotPaused,

    /// <summary>The execution had already ended; nothing changed.</summary>
    AlreadyFinished,

    NotFound,
}
