using System.Globalization;
using System.Text.RegularExpressions;

namespace Harrier.Scripts.Storage;

/// <summary>
/// A size written as Kestra reads one (Micronaut's readable bytes): a whole number of bytes, optionally followed by
/// <c>B</c>, <c>KB</c>, <c>MB</c> or <c>GB</c> in any case, in powers of 1024 (<c>10KB</c> is 10,240 bytes).
/// </summary>
internal static partial class ByteSize
{
    [GeneratedRegex(@"\A\s*([0-9]+)\s*(B|KB|MB|GB)?\s*\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var match = Pattern().Match(text);
        if (!match.Success || !long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        var unit = match.Groups[2].Value.ToUpperInvariant() switch
        {
            "KB" => 1L << 10,
            "MB" => 1L << 20,
            "GB" => 1L << 30,
            _ => 1L,
        };
        if (number > long.MaxValue / unit)
        {
            return false;
        }

        bytes = number * unit;
        return true;
    }
}
