using System.Globalization;

namespace Harrier.Persistence.Sqlite;

/// <summary>
/// Dates are stored as ISO-8601 text, always UTC, always with seven fractional digits
/// (<c>2026-01-31T08:15:00.1234567Z</c>). Fixed width and one offset make text order equal time order, so
/// SQL compares and sorts them directly; the text stays readable in the sqlite3 shell and keeps .NET's full
/// precision. The offset a caller used is not kept: dates come back in UTC (same instant, so equal).
/// </summary>
public static class SqliteDates
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <remarks>"O" on a UTC DateTime prints exactly <see cref="Format"/> and takes .NET's fast path (a hot spot for logs).</remarks>
    public static string ToText(DateTimeOffset value) => value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    public static object ToParameter(DateTimeOffset? value) => value is { } date ? ToText(date) : DBNull.Value;

    public static DateTimeOffset Parse(string text) => new(
        DateTime.ParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
        TimeSpan.Zero);

    public static DateTimeOffset? ParseOrNull(string? text) => text is null ? null : Parse(text);
}
