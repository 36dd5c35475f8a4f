using Harrier.Core.Engine;
using Harrier.Core.Flows;

namespace Harrier.Core.Tests.Engine;

public sealed class RetryDeciderTests
{
    private static readonly DateTimeOffset Start = new(2024, 3, 15, 10, 0, 0, TimeSpan.Zero);

    private static TimeSpan? Next(RetryPolicy policy, int attemptsMade, double secondsSinceStart = 0, double random = 0.5) =>
        RetryDecider.NextDelay(policy, attemptsMade, Start, Start.AddSeconds(secondsSinceStart), new FakeRandom(random));

    private static RetryPolicy Constant(double seconds, int? maxAttempts = null, double? maxDurationSeconds = null) =>
        new(RetryKind.Constant)
        {
            Interval = TimeSpan.FromSeconds(seconds),
            MaxAttempts = maxAttempts,
            MaxDuration = maxDurationSeconds is { } d ? TimeSpan.FromSeconds(d) : null,
        };

    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(2, 1.0)]
    [InlineData(3, null)]
    [InlineData(4, null)]
    public void Constant_RetriesAtItsInterval_UntilMaxAttemptsCountsEveryAttempt(int attemptsMade, double? expectedSeconds)
    {
        Assert.Equal(expectedSeconds is { } s ? TimeSpan.FromSeconds(s) : null, Next(Constant(1, maxAttempts: 3), attemptsMade));
    }

    [Fact]
    public void MaxAttempts1_MeansNoRetry()
    {
        Assert.Null(Next(Constant(1, maxAttempts: 1), 1));
    }

    [Fact]
    public void Retry_WithNeitherMaxAttemptsNorMaxDuration_DoesNotRetry()
    {
        Assert.Null(Next(Constant(1), 1));
    }

    [Theory]
    [InlineData(1, 4.0)]
    [InlineData(6, 4.0)]
    [InlineData(6.5, null)]
    [InlineData(9, null)]
    public void MaxDuration_RefusesARetryThatWouldStartAfterFirstStartPlusMaxDuration(double secondsSinceStart, double? expectedSeconds)
    {
        var policy = Constant(4, maxDurationSeconds: 10);

        Assert.Equal(expectedSeconds is { } s ? TimeSpan.FromSeconds(s) : null, Next(policy, 1, secondsSinceStart));
    }

    [Fact]
    public void MaxAttempts_AndMaxDuration_TheFirstReachedWins()
    {
        var policy = Constant(1, maxAttempts: 5, maxDurationSeconds: 2.5);

        Assert.Equal(TimeSpan.FromSeconds(1), Next(policy, 1, 1));
        Assert.Null(Next(policy, 2, 2));
        Assert.Null(Next(policy, 5, 0));
    }

    [Theory]
    [InlineData(1, 2.0, null, 1.0)]
    [InlineData(2, 2.0, null, 2.0)]
    [InlineData(3, 2.0, null, 4.0)]
    [InlineData(3, 3.0, null, 9.0)]
    [InlineData(4, 2.0, 5.0, 5.0)]
    [InlineData(2, 0.0, null, 2.0)]
    public void Exponential_GrowsByTheDelayFactor_UpToMaxInterval(int attemptsMade, double factor, double? maxInterval, double expectedSeconds)
    {
        var policy = new RetryPolicy(RetryKind.Exponential)
        {
            Interval = TimeSpan.FromSeconds(1),
            DelayFactor = factor,
            MaxInterval = maxInterval is { } m ? TimeSpan.FromSeconds(m) : null,
            MaxAttempts = 10,
        };

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), Next(policy, attemptsMade));
    }

    [Fact]
    public void Exponential_WithAHugeNumberOfAttempts_DoesNotOverflow()
    {
        var policy = new RetryPolicy(RetryKind.Exponential) { Interval = TimeSpan.FromSeconds(1), MaxInterval = TimeSpan.FromMinutes(1), MaxAttempts = 5000 };

        Assert.Equal(TimeSpan.FromMinutes(1), Next(policy, 4000));
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.5, 2.0)]
    [InlineData(0.999, 2.998)]
    public void Random_PicksADelayBetweenMinAndMaxInterval(double random, double expectedSeconds)
    {
        var policy = new RetryPolicy(RetryKind.Random) { MinInterval = TimeSpan.FromSeconds(1), MaxInterval = TimeSpan.FromSeconds(3), MaxAttempts = 3 };

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), Next(policy, 1, random: random));
    }
}
