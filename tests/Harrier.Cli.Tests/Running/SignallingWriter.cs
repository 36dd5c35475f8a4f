namespace Harrier.Cli.Tests.Running;

/// <summary>A string writer that calls back the first time a line containing <paramref name="marker"/> is written.</summary>
internal sealed class SignallingWriter(string marker, Action onMarker) : StringWriter
{
    private int _signalled;

    public override void WriteLine(string? value)
    {
        base.WriteLine(value);
        if (value is not null && value.Contains(marker, StringComparison.Ordinal) && Interlocked.Exchange(ref _signalled, 1) == 0)
        {
            onMarker();
        }
    }
}
