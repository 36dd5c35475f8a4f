namespace Harrier.Scripts.Storage;

/// <summary>
/// The lines of a local file whose every line ends with <c>\n</c>, last line first, read backwards a block at a
/// time: memory holds one block and one line, whatever the file's size. The file must be UTF-8 (or any encoding in
/// which the byte 0x0A is only ever a line feed), so a line's bytes can be found without decoding.
/// </summary>
internal static class ReversedLines
{
    private const int BlockSize = 64 * 1024;

    public static async IAsyncEnumerable<byte[]> ReadAsync(string path, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var file = Harrier.Core.Storage.StreamCopy.OpenRead(path);
        if (file.Length == 0)
        {
            yield break;
        }

        var block = new byte[BlockSize];
        var tail = new List<byte[]>(); // pieces of the line being assembled, the last piece first
        var position = file.Length - 1; // the file's final '\n' ends the last line
        while (position > 0)
        {
            var count = (int)Math.Min(BlockSize, position);
            position -= count;
            file.Position = position;
            await file.ReadExactlyAsync(block.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
            var end = count;
            for (var i = count - 1; i >= 0; i--)
            {
                if (block[i] == (byte)'\n')
                {
                    yield return Join(block.AsSpan(i + 1, end - i - 1), tail);
                    tail.Clear();
                    end = i;
                }
            }

            if (end > 0)
            {
                tail.Add(block[..end]);
            }
        }

        yield return Join([], tail);
    }

    private static byte[] Join(ReadOnlySpan<byte> first, List<byte[]> tail)
    {
        var line = new byte[first.Length + tail.Sum(piece => piece.Length)];
        first.CopyTo(line);
        var offset = first.Length;
        for (var i = tail.Count - 1; i >= 0; i--)
        {
            tail[i].CopyTo(line, offset);
            offset += tail[i].Length;
        }

        return line;
    }
}
