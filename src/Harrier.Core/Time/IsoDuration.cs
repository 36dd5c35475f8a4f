using System.Globalization;
using System.Text.RegularExpressions;

namespace Harrier.Core.Time;

/// <summary>
/// ISO-8601 durations as Java's <c>Duration.parse</c> reads them: <c>PT5S</c>, <c>PT0.25S</c>, <c>P6DT4H</c>,
/// <c>-PT1M</c>; no years, months or weeks (Kestra rejects them too). Also formats <c>HH:mm:ss.SSS</c>.
/// </summary>
public static partial class IsoDuration
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var match = Pattern().Match(text.Trim());
        if (!match.Success || (!match.Groups["d"].Success && !match.Groups["t"].Success))
        {
            return false;
        }

        if (match.Groups["t"].Success && !match.Groups["h"].Success && !match.Groups["m"].Success && !match.Groups["s"].Success)
        {
            return false;
        }

        try
        {
            var seconds = Part(match, "d") * 86400 + Part(match, "h") * 3600 + Part(match, "m") * 60 + Part(match, "s");
            if (match.Groups["neg"].Value == "-")
            {
                seconds = -seconds;
            }

            duration = TimeSpan.FromTicks(checked((long)Math.Round(seconds * TimeSpan.TicksPerSecond)));
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>A message for a text that is not a duration, with examples.</summary>
    public static string Explain(string text) =>
        $"'{text}' is not an ISO-8601 duration; write e.g. PT30S, PT0.5S, PT5M, PT1H30M or P1DT2H (years, months and weeks are not allowed)";

    /// <summary><c>HH:mm:ss.SSS</c>, the form of Kestra's <c>Timeout after 00:00:02.000</c>.</summary>
    public static string ToClock(TimeSpan duration) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalHours:00}:{duration.Minutes:00}:{duration.Seconds:00}.{duration.Milliseconds:000}");

    /// <summary>The ISO-8601 form, e.g. <c>PT1M30S</c>.</summary>
    public static string ToIso(TimeSpan duration) => System.Xml.XmlConvert.ToString(duration);

    private static double Part(Match match, string group) =>
        match.Groups[group].Success ? double.Parse(match.Groups[group].Value.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^(?<neg>[-+]?)[Pp](?:(?<d>[-+]?[0-9]+)[Dd])?(?<t>[Tt](?:(?<h>[-+]?[0-9]+)[Hh])?(?:(?<m>[-+]?[0-9]+)[Mm])?(?:(?<s>[-+]?[0-9]+(?:[.,][0-9]{0,9})?)[Ss])?)?$")]
    private static partial Regex Pattern();
}
