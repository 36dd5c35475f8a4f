namespace Harrier.Scripts.Runners.Process;

/// <summary>A started child that leads its own process group (pid = process group id).</summary>
internal interface IChildProcess : IDisposable
{
    int Id { get; }

    Stream StandardOutput { get; }

    Stream StandardError { get; }

    /// <summary>Completes when the child exited, with its exit code (128 + signal when a signal ended it).</summary>
    Task<int> Exited { get; }
}
