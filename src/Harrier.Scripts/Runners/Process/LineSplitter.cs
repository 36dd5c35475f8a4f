using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace Harrier.Scripts.Runners.Process;

/// <summary>
/// Splits pushed bytes into lines: <c>\n</c> or <c>\r\n</c> ends a line, blank lines are kept, a last
/// line without terminator is delivered by <see cref="Flush"/>, invalid UTF-8 becomes U+FFFD. No length
/// limit short of <c>maxLineBytes</c>, past which the bytes gathered so far are delivered as one line
/// (<c>onCut</c> is told first, once per such line).
/// </summary>
internal sealed class LineSplitter
{
    private const int InitialCapacity = 4096;

    // Encoding.UTF8 replaces invalid sequences instead of throwing, which is what a log wants.
    private static readonly Encoding Utf8 = Encoding.UTF8;

    private readonly Action<string> _onLine;
    private readonly Action? _onCut;
    private readonly int _maxLineBytes;
    private ArrayBufferWriter<byte> _pending = new(InitialCapacity);
    private bool _cutting;

    public LineSplitter(Action<string> onLine, int maxLineBytes, Action? onCut = null)
    {
        _onLine = onLine;
        _maxLineBytes = maxLineBytes;
        _onCut = onCut;
    }

    // Hot from the first of a flood of lines: a task printing a million lines has no warm-up, and tiered
    // compilation left this path at tier 0 for much of such a run (measured on 2 cores: the reader thread
    // spent 330 ms per million lines, 220 ms with the per-line methods of the log path compiled optimised at once).
    // The other per-line methods (delivery, protocol check, task logger, log writer, chunk encoding) say so too.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Push(ReadOnlySpan<byte> data)
    {
        int newline;
        while ((newline = data.IndexOf((byte)'\n')) >= 0)
        {
            if (_pending.WrittenCount == 0)
            {
                _onLine(Decode(data[..newline]));
            }
            else
            {
                _pending.Write(data[..newline]);
                EmitPending();
            }

            _cutting = false;
            data = data[(newline + 1)..];
        }

        _pending.Write(data);
        if (_pending.WrittenCount >= _maxLineBytes)
        {
            if (!_cutting)
            {
                _cutting = true;
                _onCut?.Invoke();
            }

            EmitPending();
        }
    }

    /// <summary>Delivers a last line that had no terminator (end of stream).</summary>
    public void Flush()
    {
        if (_pending.WrittenCount > 0)
        {
            EmitPending();
        }

        _cutting = false;
    }

    private void EmitPending()
    {
        _onLine(Decode(_pending.WrittenSpan));
        // After a huge line, drop the big buffer instead of holding it for the rest of the run.
        if (_pending.Capacity > 64 * InitialCapacity)
        {
            _pending = new ArrayBufferWriter<byte>(InitialCapacity);
        }
        else
        {
            _pending.Clear();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string Decode(ReadOnlySpan<byte> line)
    {
        if (line.Length > 0 && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        return line.Length == 0 ? string.Empty : Utf8.GetString(line);
    }
}
