using Harrier.Core.Logs;

namespace Harrier.Persistence.Logs;

/// <summary>Reads the lines of one <c>log_chunks</c> payload (format in migration 0003) in order, without copying.</summary>
internal ref struct LogChunkDecoder
{
    private readonly ReadOnlySpan<byte> _payload;
    private readonly long _firstSequence;
    private int _position;
    private long _previousTicks;

    public LogChunkDecoder(ReadOnlySpan<byte> payload, long firstSequence, long firstTicks)
    {
        _payload = payload;
        _firstSequence = firstSequence;
        _previousTicks = firstTicks;
    }

    /// <summary>Lines read so far.</summary>
    public int LinesRead { get; private set; }

    /// <summary>The next line; false at the end of the payload.</summary>
    /// <exception cref="InvalidDataException">The payload is cut short or holds an unknown level.</exception>
    public bool TryRead(out TaskLogLevel level, out long utcTicks, out ReadOnlySpan<byte> message)
    {
        if (_position == _payload.Length)
        {
            level = default;
            utcTicks = 0;
            message = default;
            return false;
        }

        if (!LogLevelCodes.TryFromCode(_payload[_position++], out level))
        {
            throw Corrupt($"unknown level code {_payload[_position - 1]}");
        }

        _previousTicks += UnZigZag(ReadVarint());
        utcTicks = _previousTicks;
        var length = ReadVarint();
        if (length > (ulong)(_payload.Length - _position))
        {
            throw Corrupt($"a message of {length} bytes runs past the end");
        }

        message = _payload.Slice(_position, (int)length);
        _position += (int)length;
        LinesRead++;
        return true;
    }

    private static long UnZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);

    private ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_position == _payload.Length)
            {
                break;
            }

            var next = _payload[_position++];
            value |= (ulong)(next & 0x7f) << shift;
            if (next < 0x80)
            {
                return value;
            }
        }

        throw Corrupt("a number is cut short");
    }

    private readonly InvalidDataException Corrupt(string what) =>
        new($"The stored log chunk starting at sequence {_firstSequence} is damaged at line {LinesRead + 1}: {what}.");
}
