using System.Buffers;
using System.Text;

namespace Harrier.Docker.Running;

/// <summary>
/// Turns the chunks of one stream into lines: <c>\n</c> or <c>\r\n</c> ends a line, blank lines are kept (as with
/// the Process runner — Kestra's Docker runner dropped them), bytes are decoded only once a line is complete (so a
/// UTF-8 sequence split across frames survives), invalid UTF-8 becomes U+FFFD. Lines are whole up to
/// <c>maxLineBytes</c>; a longer run of bytes without a newline is delivered in pieces of exactly that size, after one
/// call of <c>onCut</c>.
/// </summary>
internal sealed class LineAssembler(Action<string> onLine, int maxLineBytes, Action? onCut = null)
{
    private const int InitialCapacity = 4096;

    private ArrayBufferWriter<byte> _pending = new(InitialCapacity);
    private bool _cutting;

    public void Append(ReadOnlySpan<byte> data)
    {
        int newline;
        while ((newline = data.IndexOf((byte)'\n')) >= 0)
        {
            if (_pending.WrittenCount == 0)
            {
                onLine(Decode(data[..newline]));
            }
            else
            {
                _pending.Write(data[..newline]);
                onLine(Decode(_pending.WrittenSpan));
                Reset();
            }

            _cutting = false;
            data = data[(newline + 1)..];
        }

        while (_pending.WrittenCount + data.Length >= maxLineBytes)
        {
            if (!_cutting)
            {
                _cutting = true;
                onCut?.Invoke();
            }

            var take = maxLineBytes - _pending.WrittenCount;
            _pending.Write(data[..take]);
            onLine(Decode(_pending.WrittenSpan));
            Reset();
            data = data[take..];
        }

        _pending.Write(data);
    }

    /// <summary>Delivers a last line that had no terminator.</summary>
    public void Flush()
    {
        if (_pending.WrittenCount > 0)
        {
            onLine(Decode(_pending.WrittenSpan));
            Reset();
        }

        _cutting = false;
    }

    private static string Decode(ReadOnlySpan<byte> line)
    {
        if (line.Length > 0 && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        return line.Length == 0 ? string.Empty : Encoding.UTF8.GetString(line);
    }

    // After a huge line, drop the big buffer instead of holding it for the rest of the run.
    private void Reset()
    {
        if (_pending.Capacity > 64 * InitialCapacity)
        {
            _pending = new ArrayBufferWriter<byte>(InitialCapacity);
        }
        else
        {
            _pending.Clear();
        }
    }
}
