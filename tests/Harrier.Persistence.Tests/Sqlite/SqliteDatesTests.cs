using Harrier.Persistence.Sqlite;
using Xunit;

namespace Harrier.Persistence.Tests.Sqlite;

public sealed class SqliteDatesTests
{
    [Fact]
    public void ToText_IsFixedWidthUtc_WithSevenFractionalDigits()
    {
        var date = new DateTimeOffset(2026, 3, 14, 9, 26, 53, TimeSpan.FromHours(2)).AddTicks(5_890_001);

        Assert.Equal("2026-03-14T07:26:53.5890001Z", SqliteDates.ToText(date));
        Assert.Equal("0001-01-01T00:00:00.0000000Z", SqliteDates.ToText(DateTimeOffset.MinValue));
    }

    [Fact]
    public void ToText_SortsInTimeOrder_WhateverTheOffset()
    {
        var instants = new[]
        {
            new DateTimeOffset(2026, 1, 1, 0, 30, 0, TimeSpan.FromHours(1)),
            new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2025, 12, 31, 19, 0, 1, TimeSpan.FromHours(-5)),
            new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(1),
        };

        var byText = instants.OrderBy(SqliteDates.ToText, StringComparer.Ordinal).ToList();

        Assert.Equal(instants.OrderBy(d => d.UtcTicks), byText);
    }

    [Fact]
    public void Parse_ReturnsTheSameInstant_InUtc()
    {
        var date = new DateTimeOffset(2026, 3, 14, 9, 26, 53, TimeSpan.FromHours(-7)).AddTicks(1234567);

        var parsed = SqliteDates.Parse(SqliteDates.ToText(date));

        Assert.Equal(date.UtcTicks, parsed.UtcTicks);
        Assert.Equal(TimeSpan.Zero, parsed.Offset);
    }
}
