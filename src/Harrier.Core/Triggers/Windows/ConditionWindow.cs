namespace Harrier.Core.Triggers.Windows;

/// <summary>Kestra's SLA / time-window kinds for conditions that must all be met within a period.</summary>
public enum WindowKind
{
    /// <summary>Fixed windows of <c>window</c> length, aligned on midnight (UTC) plus <c>windowAdvance</c>.</summary>
    DurationWindow,

    /// <summary>The last <c>window</c> before the evaluation.</summary>
    SlidingWindow,

    /// <summary>From midnight until <c>deadline</c> each day.</summary>
    DailyTimeDeadline,

    /// <summary>From <c>startTime</c> to <c>endTime</c> each day.</summary>
    DailyTimeWindow,
}

/// <summary>
/// The period within which a set of conditions must all have been met (Kestra's MultipleCondition <c>timeWindow</c>/<c>sla</c>,
/// the Flow trigger's <c>preconditions.timeWindow</c> and <c>window</c>). Days are UTC days.
/// </summary>
public sealed record ConditionWindow(WindowKind Kind, TimeSpan Length, TimeSpan Advance, TimeOnly? Deadline, TimeOnly? Start, TimeOnly? End)
{
    public static readonly ConditionWindow Default = new(WindowKind.DurationWindow, TimeSpan.FromDays(1), TimeSpan.Zero, null, null, null);

    /// <summary>The window <paramref name="now"/> falls in, or null when it falls in none (after a daily deadline, outside a daily window).</summary>
    public (DateTimeOffset From, DateTimeOffset To)? Around(DateTimeOffset now)
    {
        now = now.ToUniversalTime();
        var midnight = new DateTimeOffset(now.Date, TimeSpan.Zero);
        switch (Kind)
        {
            case WindowKind.SlidingWindow:
                return (now - Length, now);
            case WindowKind.DailyTimeDeadline:
                var deadline = midnight + (Deadline ?? TimeOnly.MaxValue).ToTimeSpan();
                return now <= deadline ? (midnight, deadline) : null;
            case WindowKind.DailyTimeWindow:
                var (from, to) = (midnight + (Start ?? TimeOnly.MinValue).ToTimeSpan(), midnight + (End ?? TimeOnly.MaxValue).ToTimeSpan());
                return now >= from && now <= to ? (from, to) : null;
            default:
                var length = Length <= TimeSpan.Zero ? TimeSpan.FromDays(1) : Length;
                var origin = midnight + Advance - TimeSpan.FromDays(1);
                var index = (long)Math.Floor((now - origin).Ticks / (double)length.Ticks);
                var start = origin + TimeSpan.FromTicks(index * length.Ticks);
                return (start, start + length);
        }
    }
}
