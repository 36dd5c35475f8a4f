using System.Buffers;

namespace Harrier.Scripts.Runners.Process;

/// <summary>Reads a stream to its end into a <see cref="LineSplitter"/>, blocking: run it on a dedicated thread.</summary>
internal static class StreamLineReader
{
    public const int ChunkSize = 64 * 1024;

    public static void ReadLines(Stream stream, LineSplitter splitter)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            int read;
            while ((read = stream.Read(chunk, 0, ChunkSize)) > 0)
            {
                splitter.Push(chunk.AsSpan(0, read));
            }

            splitter.Flush();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
