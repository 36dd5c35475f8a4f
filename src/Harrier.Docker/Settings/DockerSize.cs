using System.Globalization;
using System.Text.RegularExpressions;

namespace Harrier.Docker.Settings;

/// <summary>
/// Size strings as Kestra reads them (<c>512MB</c>, <c>0.5GB</c>, <c>1024</c>, case-insensitive, binary multiples).
/// </summary>
public static partial class DockerSize
{
    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
        var match = text is null ? null : SizePattern().Match(text.Trim());
        if (match is null || !match.Success
            || !double.TryParse(match.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        var multiplier = match.Groups[2].Value.ToUpperInvariant() switch
        {
            "" or "B" => 1L,
            "K" or "KB" or "KIB" => 1L << 10,
            "M" or "MB" or "MIB" => 1L << 20,
            "G" or "GB" or "GIB" => 1L << 30,
            "T" or "TB" or "TIB" => 1L << 40,
            _ => 0L,
        };
        if (multiplier == 0)
        {
            return false;
        }

        bytes = (long)Math.Round(number * multiplier);
        return true;
    }

    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)?)\s*([a-zA-Z]*)$")]
    private static partial Regex SizePattern();
}
