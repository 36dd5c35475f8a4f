using System.Buffers;
using System.Text;

namespace Harrier.Scripts.Runners.Process;

/// <summary>
/// Splits pushed bytes into lines: <c>\n</c> or <c>\r\n</c> ends a line, blank lines are kept, a last
/// line without terminator is delivered by <see cref="Flush"/>, invalid UTF-8 becomes U+FFFD. No length
/// limit short of <c>maxLineBytes</c>, past which the bytes gathered so far are delivered as one line.
/// </summary>
internal sealed class LineSplitter
{
    private const int InitialCapacity = 4096;

    // Encoding.UTF8 replaces invalid sequences instead of throwing, which is what a log wants.
    private static readonly Encoding Utf8 = Encoding.UTF8;

    private readonly Action<string> _onLine;
    private readonly int _maxLineBytes;
    private ArrayBufferWriter<byte> _pending = new(InitialCapacity);

    public LineSplitter(Action<string> onLine, int maxLineBytes)
    {
        _onLine = onLine;
        _maxLineBytes = maxLineBytes;
    }

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

            data = data[(newline + 1)..];
        }

        _pending.Write(data);
        if (_pending.WrittenCount >= _maxLineBytes)
        {
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

    private static string Decode(ReadOnlySpan<byte> line)
    {
        if (line.Length > 0 && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        return line.Length == 0 ? string.Empty : Utf8.GetString(line);
    }
}
