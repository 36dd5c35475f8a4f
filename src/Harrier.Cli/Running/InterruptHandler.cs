namespace Harrier.Cli.Running;

/// <summary>
/// Ctrl-C kills the running execution cleanly (KILLED, child processes gone) instead of killing Harrier;
/// a second Ctrl-C exits at once.
/// </summary>
public sealed class InterruptHandler : IDisposable
{
    private readonly Func<Task> _kill;
    private int _presses;

    public InterruptHandler(Func<Task> kill)
    {
        _kill = kill;
        Console.CancelKeyPress += OnCancel;
    }

    public void Dispose() => Console.CancelKeyPress -= OnCancel;

    private void OnCancel(object? sender, ConsoleCancelEventArgs e)
    {
        if (Interlocked.Increment(ref _presses) > 1)
        {
            return;
        }

        e.Cancel = true;
        Console.Error.WriteLine("harrier: killing the execution (Ctrl-C again to exit at once)…");
        _ = _kill();
    }
}
