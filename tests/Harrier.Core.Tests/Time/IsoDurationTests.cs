using Harrier.Core.Time;

namespace Harrier.Core.Tests.Time;

/// <summary>Durations as Java's <c>Duration.parse</c> reads them (Kestra's timeouts and intervals).</summary>
public sealed class IsoDurationTests
{
    public static TheoryData<string, TimeSpan> Valid => new()
    {
        { "PT5S", TimeSpan.FromSeconds(5) },
        { "PT0.25S", TimeSpan.FromMilliseconds(250) },
        { "PT0,5S", TimeSpan.FromMilliseconds(500) },
        { "PT1.S", TimeSpan.FromSeconds(1) },
        { "P6DT4H", TimeSpan.FromDays(6) + TimeSpan.FromHours(4) },
        { "P2D", TimeSpan.FromDays(2) },
        { "PT1H30M", TimeSpan.FromMinutes(90) },
        { "PT36H", TimeSpan.FromHours(36) },
        { "PT0S", TimeSpan.Zero },
        { "-PT1M", TimeSpan.FromMinutes(-1) },
        { "+PT1M", TimeSpan.FromMinutes(1) },
        { "PT-5S", TimeSpan.FromSeconds(-5) },
        { "-PT-6H+3M", TimeSpan.FromHours(6) - TimeSpan.FromMinutes(3) },
        { "pt5s", TimeSpan.FromSeconds(5) },
        { "p1dt2h", TimeSpan.FromHours(26) },
        { "PT0.000000001S", TimeSpan.Zero },
        { "PT0.123456789S", TimeSpan.FromTicks(1_234_568) },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void TryParse_ReadsWhatJavaReads(string text, TimeSpan expected)
    {
        Assert.True(IsoDuration.TryParse(text, out var duration));
        Assert.Equal(expected, duration);
    }

    [Theory]
    [InlineData("P1W")]
    [InlineData("P1M")]
    [InlineData("P1Y")]
    [InlineData("P1Y2M3DT4H")]
    [InlineData("PT")]
    [InlineData("P")]
    [InlineData("P1DT")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("5S")]
    [InlineData("PT5")]
    [InlineData("PT1.5M")]
    [InlineData("PT.5S")]
    [InlineData("PT0.1234567890S")]
    [InlineData("PT5S PT5S")]
    [InlineData("5 minutes")]
    [InlineData("00:00:05")]
    [InlineData("PT99999999999999999999H")]
    public void TryParse_RejectsWhatJavaRejects(string? text)
    {
        Assert.False(IsoDuration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.Zero, duration);
    }

    [Theory]
    [InlineData(2_000, "00:00:02.000")]
    [InlineData(250, "00:00:00.250")]
    [InlineData(5_400_000, "01:30:00.000")]
    [InlineData(3_723_004, "01:02:03.004")]
    [InlineData(129_600_000, "36:00:00.000")]
    public void ToClock_FormatsLikeKestrasTimeoutMessage(long milliseconds, string clock) =>
        Assert.Equal(clock, IsoDuration.ToClock(TimeSpan.FromMilliseconds(milliseconds)));

    [Theory]
    [InlineData("PT1M30S")]
    [InlineData("P1DT2H")]
    [InlineData("PT0.25S")]
    public void ToIso_RoundTripsThroughTryParse(string text)
    {
        Assert.True(IsoDuration.TryParse(text, out var duration));
        Assert.True(IsoDuration.TryParse(IsoDuration.ToIso(duration), out var again));
        Assert.Equal(duration, again);
    }

    [Fact]
    public void Explain_QuotesTheTextAndGivesExamples()
    {
        var message = IsoDuration.Explain("5 minutes");

        Assert.StartsWith("'5 minutes' is not an ISO-8601 duration; write e.g. PT30S", message);
        Assert.Contains("weeks are not allowed", message);
    }
}
