using System.Runtime.CompilerServices;

namespace Harrier.Scripts.Protocol;

/// <summary>
/// Recognises output-protocol lines: the whole line matches <c>^::(\{.*})::$</c> (Kestra's regex).
/// </summary>
/// <remarks>
/// Checked by prefix and suffix instead of a regex so a line of any length costs O(1) to classify.
/// Kestra's Java <c>.</c> does not match U+0085/U+2028/U+2029 inside the line; Harrier accepts them
/// (lenient on purpose: such a line is valid JSON and was clearly meant as a protocol line).
/// </remarks>
public static class ProtocolLine
{
    private const string Prefix = "::{";
    private const string Suffix = "}::";

    /// <summary>The JSON object text of a protocol line (between the <c>::</c> delimiters).</summary>
    // Once per log line: optimised from the first call rather than after tiering (see LineSplitter in Harrier.Scripts).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryGetJson(string line, out string json)
    {
        if (line.Length >= 6 && line.StartsWith(Prefix, StringComparison.Ordinal) && line.EndsWith(Suffix, StringComparison.Ordinal))
        {
            json = line[2..^2];
            return true;
        }

        json = string.Empty;
        return false;
    }
}
