using Harrier.Core.Store.Triggers;
using Harrier.Core.Triggers;
using Harrier.Core.Triggers.Cron;
using Harrier.Core.Triggers.Schedules;

namespace Harrier.Core.Tests.Triggers;

/// <summary>The slot rules of Schedule triggers, on plain dates: first sight, due slots, lateness, missed slots, backfills.</summary>
public sealed class ScheduleEvaluatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 5, TimeSpan.Zero);
    private static readonly TriggerState Blank = new(new TriggerKey("ns", "flow", "t"), TriggerTypes.Schedule, "fp");

    private static ScheduleTrigger Hourly(RecoverMissedSchedules recover = RecoverMissedSchedules.All, TimeSpan? late = null) =>
        new("t", CronSchedule.Parse("0 * * * *", withSeconds: false), TimeZoneInfo.Utc) { Recover = recover, LateMaximumDelay = late };

    private static ScheduleEvaluation Evaluate(ScheduleTrigger trigger, TriggerState state, bool fresh = false, DateTimeOffset? now = null) =>
        ScheduleEvaluator.Evaluate(trigger, state, fresh, now ?? Now, _ => true);

    [Fact]
    public void ATriggerSeenForTheFirstTime_FiresNothingFromThePast_AndWaitsForItsNextSlot()
    {
        var evaluation = Evaluate(Hourly(), Blank, fresh: true);

        Assert.Empty(evaluation.Fires);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 11, 0, 0, TimeSpan.Zero), evaluation.State.NextDate);
        Assert.True(evaluation.Changed);
    }

    [Fact]
    public void ADueSlot_FiresOnce_WithTheSlotsAroundIt_AndTheNextDateMovesPastIt()
    {
        var slot = new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
        var evaluation = Evaluate(Hourly(), Blank with { NextDate = slot });

        var fire = Assert.Single(evaluation.Fires);
        Assert.Equal(slot, fire.Slot);
        Assert.Equal(slot.AddHours(1), fire.Next);
        Assert.Equal(slot.AddHours(-1), fire.Previous);
        Assert.Equal(slot, evaluation.State.LastDate);
        Assert.Equal(slot.AddHours(1), evaluation.State.NextDate);
        Assert.Empty(Evaluate(Hourly(), evaluation.State).Fires);
    }

    [Fact]
    public void ASlotLaterThanLateMaximumDelay_IsSkipped_WithTheReason()
    {
        var slot = new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
        var evaluation = Evaluate(Hourly(late: TimeSpan.FromMinutes(30)), Blank with { NextDate = slot });

        Assert.Equal(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero), Assert.Single(evaluation.Fires).Slot);
        Assert.Contains("lateMaximumDelay", Assert.Single(evaluation.Skips).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RecoverMissedSchedules.All, 4)]
    [InlineData(RecoverMissedSchedules.Last, 1)]
    [InlineData(RecoverMissedSchedules.None, 0)]
    public void SlotsMissedWhileNoSchedulerRan_FireAsRecoverMissedSchedulesSays(RecoverMissedSchedules recover, int expected)
    {
        // Four hourly slots (06:00 to 09:00) passed while down; 10:00 is 5 s old, on time, and fires whatever the setting.
        var evaluation = Evaluate(Hourly(recover), Blank with { NextDate = new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero) });

        Assert.Equal(expected + 1, evaluation.Fires.Count);
        Assert.Equal(Now.AddSeconds(-5), evaluation.Fires[^1].Slot);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 11, 0, 0, TimeSpan.Zero), evaluation.State.NextDate);
    }

    [Fact]
    public void ASlotWhoseConditionsFail_IsSkipped()
    {
        var evaluation = ScheduleEvaluator.Evaluate(Hourly(), Blank with { NextDate = Now.AddSeconds(-5) }, false, Now, _ => false);

        Assert.Empty(evaluation.Fires);
        Assert.Single(evaluation.Skips);
        Assert.Null(evaluation.State.LastDate);
    }

    [Fact]
    public void ADisabledSchedule_LetsItsSlotsPassUnfired_AndResumesAtTheNextOne()
    {
        var evaluation = Evaluate(Hourly(), Blank with { NextDate = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), Disabled = true });

        Assert.Empty(evaluation.Fires);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 11, 0, 0, TimeSpan.Zero), evaluation.State.NextDate);
    }

    [Fact]
    public void ABackfill_FiresEverySlotOfItsRangeOnceInOrder_ThenEnds()
    {
        var start = new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
        var backfill = ScheduleEvaluator.StartBackfill(Hourly(), start, start.AddHours(2).AddMinutes(30))!;
        var evaluation = Evaluate(Hourly(), Blank with { NextDate = Now.AddHours(1), Backfill = backfill });

        Assert.Equal([start, start.AddHours(1), start.AddHours(2)], evaluation.Fires.Select(f => f.Slot));
        Assert.All(evaluation.Fires, f => Assert.True(f.Backfill));
        Assert.Null(evaluation.State.Backfill);
    }

    [Fact]
    public void APausedBackfill_FiresNothing_AndKeepsItsCursor()
    {
        var start = new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
        var backfill = ScheduleEvaluator.StartBackfill(Hourly(), start, start.AddDays(1))! with { Paused = true };
        var evaluation = Evaluate(Hourly(), Blank with { NextDate = Now.AddHours(1), Backfill = backfill });

        Assert.Empty(evaluation.Fires);
        Assert.Equal(start, evaluation.State.Backfill!.Current);
    }

    [Fact]
    public void APerSecondScheduleAfterALongOutage_CatchesUpAtMostAHundredSlotsPerEvaluation()
    {
        var everySecond = new ScheduleTrigger("t", CronSchedule.Parse("* * * * * *", withSeconds: true), TimeZoneInfo.Utc);
        var evaluation = Evaluate(everySecond, Blank with { NextDate = Now.AddHours(-1) });

        Assert.Equal(ScheduleEvaluator.MaxFiresPerEvaluation, evaluation.Fires.Count);
        Assert.Equal(Now.AddHours(-1).AddSeconds(100), evaluation.State.NextDate);
    }

    [Fact]
    public void TriggerDates_ArePrintedInTheTriggersZone_AsKestraPrintsThem()
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var slot = new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero);

        Assert.Equal("2026-12-02T02:00:00+01:00", ScheduleFire.Iso(slot, paris));
        Assert.Equal("2026-12-02T01:00:00Z", ScheduleFire.Iso(slot, TimeZoneInfo.Utc));
    }
}
