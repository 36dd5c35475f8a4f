using System.Buffers;
using System.Text;

namespace Harrier.Scripts.Runners.Process;

/// <summary>
/// Splits a raw byte stream into lines: <c>\n</c> or <c>\r\n</c> ends a line, blank lines are kept,
/// a last line without terminator is delivered, invalid UTF-8 becomes U+FFFD. No length limit short
/// of <c>maxLineBytes</c>, past which the bytes gathered so far are delivered as one line.
/// </summary>
internal static class StreamLineReader
{
    private const int ChunkSize = 64 * 1024;

    // Encoding.UTF8 replaces invalid sequences instead of throwing, which is what a log wants.
    private static readonly Encoding Utf8 = Encoding.UTF8;

    /// <summary>Reads until end of file, blocking: run it on a dedicated thread (see <see cref="ProcessOutputPump"/>).</summary>
    public static void ReadLines(Stream stream, Action<string> onLine, int maxLineBytes)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        var pending = new ArrayBufferWriter<byte>(ChunkSize);
        try
        {
            while (true)
            {
                var read = stream.Read(chunk, 0, ChunkSize);
                if (read == 0)
                {
                    if (pending.WrittenCount > 0)
                    {
                        onLine(Decode(pending.WrittenSpan));
                    }

                    return;
                }

                var data = chunk.AsSpan(0, read);
                int newline;
                while ((newline = data.IndexOf((byte)'\n')) >= 0)
                {
                    if (pending.WrittenCount == 0)
                    {
                        onLine(Decode(data[..newline]));
                    }
                    else
                    {
                        pending.Write(data[..newline]);
                        onLine(Decode(pending.WrittenSpan));
                        pending = Reset(pending);
                    }

                    data = data[(newline + 1)..];
                }

                pending.Write(data);
                if (pending.WrittenCount >= maxLineBytes)
                {
                    onLine(Decode(pending.WrittenSpan));
                    pending = Reset(pending);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
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

    // After a huge line, drop the big buffer instead of holding it for the rest of the run.
    private static ArrayBufferWriter<byte> Reset(ArrayBufferWriter<byte> pending)
    {
        if (pending.Capacity > 4 * ChunkSize)
        {
            return new ArrayBufferWriter<byte>(ChunkSize);
        }

        pending.Clear();
        return pending;
    }
}
