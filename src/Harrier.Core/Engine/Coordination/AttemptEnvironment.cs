namespace Harrier.Core.Engine.Coordination;

/// <summary>
/// The variable every process a worker starts for a task carries (and its descendants inherit): the worker's
/// <see cref="ProcessIdentity"/>. When a Harrier process dies, the next one on the machine finds what it left running by
/// this mark and stops it before the interrupted attempts run again (<see cref="Recovery.LeftoverSweeper"/>).
/// A process that clears its own environment escapes the mark.
/// </summary>
public static class AttemptEnvironment
{
    public const string WorkerVariable = "HARRIER_WORKER";
}
