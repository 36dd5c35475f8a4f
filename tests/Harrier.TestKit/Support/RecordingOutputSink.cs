using Harrier.Scripts.Runners;

namespace Harrier.TestKit.Support;

/// <summary>Keeps every line a runner delivered, and lets a test await a given stdout line.</summary>
public sealed class RecordingOutputSink : ITaskOutputSink
{
    private readonly Lock _gate = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _awaited = [];

    public List<string> Stdout { get; } = [];

    public List<string> Stderr { get; } = [];

    /// <summary>Each line announced as cut (too long), with its stream and the runner's limit.</summary>
    public List<(bool IsStderr, int MaxLineBytes)> Cuts { get; } = [];

    public void OnLineCut(bool isStderr, int maxLineBytes)
    {
        lock (_gate)
        {
            Cuts.Add((isStderr, maxLineBytes));
        }
    }

    public void OnStdout(string line)
    {
        lock (_gate)
        {
            Stdout.Add(line);
            foreach (var (text, seen) in _awaited)
            {
                if (line == text)
                {
                    seen.TrySetResult();
                }
            }
        }
    }

    public void OnStderr(string line)
    {
        lock (_gate)
        {
            Stderr.Add(line);
        }
    }

    public Task WhenStdoutLine(string text)
    {
        lock (_gate)
        {
            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (Stdout.Contains(text))
            {
                seen.SetResult();
            }

            _awaited.Add((text, seen));
            return seen.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }
}
