namespace Harrier.Scripts.Runners;

/// <summary>
/// Receives a running task's output as whole lines, without their line terminator.
/// Runners guarantee that calls never overlap, so implementations need no locking.
/// </summary>
public interface ITaskOutputSink
{
    void OnStdout(string line);

    void OnStderr(string line);

    /// <summary>
    /// The line about to arrive is longer than the runner's longest line (<paramref name="maxLineBytes"/>): it comes
    /// in pieces of about that size, each delivered as a line. Called once per such line, before its first piece.
    /// </summary>
    void OnLineCut(bool isStderr, int maxLineBytes)
    {
    }
}
