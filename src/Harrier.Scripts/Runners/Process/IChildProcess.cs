namespace Harrier.Scripts.Runners.Process;

/// <summary>A started child that leads its own process group (pid = process group id), its output being read.</summary>
internal interface IChildProcess : IDisposable
{
    int Id { get; }

    /// <summary>Completes when the child exited, with its exit code (128 + signal when a signal ended it).</summary>
    Task<int> Exited { get; }

    /// <summary>Completes when stdout and stderr both reached end of file (every writer closed them).</summary>
    Task OutputEnded { get; }

    /// <summary>
    /// Stops reading: a descendant that escaped the process group may hold a pipe open forever and must
    /// not hold the task too. Nothing read afterwards reaches the sink.
    /// </summary>
    void StopReading();
}
