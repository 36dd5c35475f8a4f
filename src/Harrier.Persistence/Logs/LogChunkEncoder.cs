using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using Harrier.Core.Logs;

namespace Harrier.Persistence.Logs;

/// <summary>
/// Builds the payload of one <c>log_chunks</c> row (format in migration 0003) in a pooled buffer that is reused
/// from chunk to chunk: encoding a line allocates nothing.
/// </summary>
internal sealed class LogChunkEncoder : IDisposable
{
    /// <summary>
    /// A chunk closes before a line would take it past this size, so one row (and what a reader decodes to reach
    /// a cursor inside it) stays small. A single longer line still gets a chunk of its own.
    /// </summary>
    public const int MaxPayloadBytes = 1024 * 1024;

    /// <summary>The longest varint: a 64-bit value takes ten 7-bit groups.</summary>
    private const int MaxVarintBytes = 10;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int _length;
    private long _previousTicks;

    public int LineCount { get; private set; }

    public ReadOnlySpan<byte> Payload => _buffer.AsSpan(0, _length);

    /// <summary>Empties the buffer for a chunk whose <c>first_timestamp</c> is <paramref name="firstTicks"/> (UTC ticks).</summary>
    public void Start(long firstTicks)
    {
        _length = 0;
        LineCount = 0;
        _previousTicks = firstTicks;
    }

    /// <summary>Whether <paramref name="message"/> still fits under <see cref="MaxPayloadBytes"/>; always true for the first line.</summary>
    // Once per log line: optimised from the first call rather than after tiering (see LineSplitter in Harrier.Scripts).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool HasRoomFor(string message) =>
        LineCount == 0 || _length + Utf8.GetMaxByteCount(message.Length) + 1 + (2 * MaxVarintBytes) <= MaxPayloadBytes;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(TaskLogLevel level, long utcTicks, string message)
    {
        var maxBytes = Utf8.GetMaxByteCount(message.Length);
        // Short line (the common case): its length fits one varint byte whatever the text, so it is encoded in
        // place and the length written after. A longer one is counted first, so a 5 MB line reserves 5 MB, not 15.
        var count = maxBytes < 128 ? maxBytes : Utf8.GetByteCount(message);
        Reserve(1 + (2 * MaxVarintBytes) + count);
        _buffer[_length++] = LogLevelCodes.ToCode(level);
        WriteVarint(ZigZag(utcTicks - _previousTicks));
        _previousTicks = utcTicks;
        if (maxBytes < 128)
        {
            var written = Utf8.GetBytes(message, _buffer.AsSpan(_length + 1));
            _buffer[_length] = (byte)written;
            _length += 1 + written;
        }
        else
        {
            WriteVarint((ulong)count);
            _length += Utf8.GetBytes(message, _buffer.AsSpan(_length));
        }

        LineCount++;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    /// <summary>Maps small negative and positive values to small unsigned ones (0, -1, 1, -2 → 0, 1, 2, 3): clocks can step back.</summary>
    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteVarint(ulong value)
    {
        while (value >= 0x80)
        {
            _buffer[_length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _buffer[_length++] = (byte)value;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Reserve(int bytes)
    {
        if (_length + bytes <= _buffer.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + bytes));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
