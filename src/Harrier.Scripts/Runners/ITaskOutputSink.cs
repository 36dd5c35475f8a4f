namespace Harrier.Scripts.Runners;

/// <summary>
/// Receives a running task's output as whole lines, without their line terminator.
/// Runners guarantee that calls never overlap, so implementations need no locking.
/// </summary>
public interface ITaskOutputSink
{
    void OnStdout(string line);

    void OnStderr(string line);
}
