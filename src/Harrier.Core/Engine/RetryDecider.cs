using Harrier.Core.Flows;

namespace Harrier.Core.Engine;

/// <summary>
/// Whether a failed attempt gets another one, and after what wait (spec §11.6): <c>maxAttempts</c> counts
/// every attempt; no attempt starts later than the first attempt's start plus <c>maxDuration</c>.
/// </summary>
public static class RetryDecider
{
    /// <param name="attemptsMade">Attempts made so far, the failed one included.</param>
    public static TimeSpan? NextDelay(RetryPolicy policy, int attemptsMade, DateTimeOffset firstAttemptStart, DateTimeOffset now, Random random)
    {
        if (policy.MaxAttempts is null && policy.MaxDuration is null)
        {
            // An unbounded retry would loop forever on a permanent error; Kestra users always bound it.
            return null;
        }

        if (policy.MaxAttempts is { } max && attemptsMade >= max)
        {
            return null;
        }

        var delay = Delay(policy, attemptsMade, random);
        if (policy.MaxDuration is { } maxDuration && now + delay > firstAttemptStart + maxDuration)
        {
            return null;
        }

        return delay;
    }

    private static TimeSpan Delay(RetryPolicy policy, int attemptsMade, Random random)
    {
        switch (policy.Kind)
        {
            case RetryKind.Constant:
                return policy.Interval ?? TimeSpan.Zero;
            case RetryKind.Exponential:
                var interval = policy.Interval ?? TimeSpan.FromSeconds(1);
                var factor = Math.Pow(policy.DelayFactor <= 0 ? 2 : policy.DelayFactor, Math.Max(0, attemptsMade - 1));
                var grown = TimeSpan.FromTicks((long)Math.Min(interval.Ticks * factor, TimeSpan.MaxValue.Ticks / 2));
                return policy.MaxInterval is { } cap && grown > cap ? cap : grown;
            default:
                var min = policy.MinInterval ?? TimeSpan.Zero;
                var maxInterval = policy.MaxInterval ?? min;
                return maxInterval <= min ? min : min + TimeSpan.FromTicks((long)(random.NextDouble() * (maxInterval - min).Ticks));
        }
    }
}
