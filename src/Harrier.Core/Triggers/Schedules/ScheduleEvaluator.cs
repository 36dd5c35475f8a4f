using Harrier.Core.Store.Triggers;

namespace Harrier.Core.Triggers.Schedules;

/// <summary>What one evaluation of a scheduled trigger decided: its next state, the slots to fire, the slots skipped.</summary>
public sealed record ScheduleEvaluation(TriggerState State, IReadOnlyList<ScheduleFire> Fires, IReadOnlyList<ScheduleSkip> Skips)
{
    /// <summary>True when the state must be written back (something fired, a slot passed, or the trigger was new or changed).</summary>
    public bool Changed { get; init; }
}

/// <summary>
/// The slot logic of Schedule and ScheduleOnDates, free of I/O and of the clock (the scheduler passes <c>now</c>), so that
/// every rule is tested with plain dates.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A trigger seen for the first time (or whose definition changed, or that was enabled again) starts at its first
/// slot after <c>now</c> — or at <c>backfill.start</c> when the flow gives one —, so deploying a flow fires nothing from the
/// past.</item>
/// <item>Each due slot (≤ now) is considered once, oldest first, and the state's <see cref="TriggerState.NextDate"/> moves
/// past it in the same write that stores its execution: a slot fires at most once, and a scheduler that died leaves the
/// slots it had not written for the next one.</item>
/// <item>A slot later than <c>lateMaximumDelay</c> is skipped. A slot older than <see cref="MissedAfter"/> was missed
/// (no scheduler ran): <c>recoverMissedSchedules</c> says whether all of them fire (ALL, Kestra's default), only the most
/// recent (LAST) or none (NONE).</item>
/// <item>Conditions are evaluated per slot; a slot whose conditions fail is skipped.</item>
/// <item>A backfill has its own cursor: its slots fire in order beside the regular ones, up to its end, unless paused.</item>
/// <item>At most <see cref="MaxFiresPerEvaluation"/> slots fire per evaluation (a per-second schedule after a long outage
/// catches up over several evaluations instead of one huge transaction).</item>
/// </list>
/// </remarks>
public static class ScheduleEvaluator
{
    public const int MaxFiresPerEvaluation = 100;

    /// <summary>How late a slot may be and still count as on time rather than missed.</summary>
    public static readonly TimeSpan MissedAfter = TimeSpan.FromSeconds(30);

    /// <param name="trigger">A <see cref="ScheduleTrigger"/> or <see cref="ScheduleOnDatesTrigger"/>.</param>
    /// <param name="current">The stored state, or a fresh one (version 0, no dates) for a trigger never seen.</param>
    /// <param name="fresh">True when the schedule starts over: new trigger, changed definition, enabled again.</param>
    /// <param name="conditionsHold">Whether the trigger's conditions hold for a slot; throws to report a failure.</param>
    public static ScheduleEvaluation Evaluate(TriggerModel trigger, TriggerState current, bool fresh, DateTimeOffset now, Func<ScheduleFire, bool> conditionsHold)
    {
        var slots = ISlotSource.Of(trigger) ?? throw new ArgumentException($"trigger {trigger.Id} ({trigger.Type}) is not scheduled", nameof(trigger));
        var state = current;
        var changed = fresh;
        if (fresh)
        {
            var start = trigger is ScheduleTrigger { BackfillStart: { } backfillStart } && current.LastDate is null
                ? slots.After(backfillStart - TimeSpan.FromTicks(1))
                : slots.After(now);
            state = state with { NextDate = start };
        }

        var fires = new List<ScheduleFire>();
        var skips = new List<ScheduleSkip>();
        var disabled = state.Disabled ?? trigger.Disabled;
        if (!disabled)
        {
            state = Regular(trigger, state, slots, now, conditionsHold, fires, skips, ref changed);
        }
        else if (state.NextDate is { } due && due <= now)
        {
            // A disabled schedule lets its slots pass unfired: enabled again, it resumes at its next slot instead of
            // catching up on everything it missed while disabled.
            state = state with { NextDate = slots.After(now) };
            changed = true;
        }

        state = Backfill(state, slots, now, fires, ref changed);
        return new ScheduleEvaluation(state, fires, skips) { Changed = changed };
    }

    private static TriggerState Regular(
        TriggerModel trigger, TriggerState state, ISlotSource slots, DateTimeOffset now, Func<ScheduleFire, bool> conditionsHold,
        List<ScheduleFire> fires, List<ScheduleSkip> skips, ref bool changed)
    {
        var late = (trigger as ScheduleTrigger)?.LateMaximumDelay;
        var recover = trigger switch
        {
            ScheduleTrigger schedule => schedule.Recover,
            ScheduleOnDatesTrigger dates => dates.Recover,
            _ => RecoverMissedSchedules.All,
        };
        var fired = fires.Count;
        while (state.NextDate is { } slot && slot <= now && fires.Count - fired < MaxFiresPerEvaluation)
        {
            var next = slots.After(slot);
            changed = true;
            var lateness = now - slot;
            string? skip = null;
            if (late is { } maximum && lateness > maximum)
            {
                skip = $"{lateness.TotalSeconds:0.#} s late, more than lateMaximumDelay {maximum}";
            }
            else if (lateness > MissedAfter && recover == RecoverMissedSchedules.None)
            {
                skip = "missed while no scheduler ran (recoverMissedSchedules: NONE)";
            }
            else if (lateness > MissedAfter && recover == RecoverMissedSchedules.Last && next is { } later && now - later > MissedAfter)
            {
                skip = "missed while no scheduler ran; only the last missed slot fires (recoverMissedSchedules: LAST)";
            }

            var fire = new ScheduleFire(slot, next, slots.Before(slot), Backfill: false);
            if (skip is null && !conditionsHold(fire))
            {
                skip = "its conditions do not hold";
            }

            if (skip is null)
            {
                fires.Add(fire);
                state = state with { LastDate = slot };
            }
            else
            {
                skips.Add(new ScheduleSkip(slot, skip));
            }

            state = state with { NextDate = next };
        }

        return state;
    }

    private static TriggerState Backfill(TriggerState state, ISlotSource slots, DateTimeOffset now, List<ScheduleFire> fires, ref bool changed)
    {
        if (state.Backfill is not { Paused: false } backfill)
        {
            return state;
        }

        var cursor = backfill.Current;
        var count = 0;
        while (cursor <= backfill.End && cursor <= now && count < MaxFiresPerEvaluation)
        {
            var next = slots.After(cursor);
            fires.Add(new ScheduleFire(cursor, next, slots.Before(cursor), Backfill: true));
            count++;
            changed = true;
            if (next is not { } following)
            {
                cursor = DateTimeOffset.MaxValue;
                break;
            }

            cursor = following;
        }

        if (cursor > backfill.End)
        {
            // Done: the backfill is forgotten once its last slot fired.
            changed = true;
            return state with { Backfill = null };
        }

        return count == 0 ? state : state with { Backfill = backfill with { Current = cursor } };
    }

    /// <summary>A backfill of <paramref name="start"/>–<paramref name="end"/> positioned on its first slot (null when it has none).</summary>
    public static TriggerBackfill? StartBackfill(TriggerModel trigger, DateTimeOffset start, DateTimeOffset end)
    {
        var slots = ISlotSource.Of(trigger) ?? throw new ArgumentException($"trigger {trigger.Id} ({trigger.Type}) is not scheduled", nameof(trigger));
        return slots.After(start - TimeSpan.FromTicks(1)) is { } first && first <= end ? new TriggerBackfill(start, end, first) : null;
    }
}
