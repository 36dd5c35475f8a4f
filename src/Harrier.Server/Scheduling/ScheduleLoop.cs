using Harrier.Core.Engine;
using Harrier.Core.Executions;
using Harrier.Core.Rendering;
using Harrier.Core.Store.Triggers;
using Harrier.Core.Triggers;
using Harrier.Core.Triggers.Conditions;
using Harrier.Core.Triggers.Schedules;
using Microsoft.Extensions.Logging;

namespace Harrier.Server.Scheduling;

/// <summary>
/// The scheduler of a server: registers every trigger of the deployed flows in the store, and fires the due slots of
/// Schedule and ScheduleOnDates triggers (and running backfills). Each trigger's new state and the executions it fires are
/// one compare-and-set write (<see cref="ITriggerStore.WriteAsync"/>): a killed scheduler leaves unfired slots for the next
/// pass or the next process, two schedulers on one database never both fire a slot. It sleeps until the earliest next slot
/// (at most <see cref="MaxSleep"/>, so deployments by other processes are seen within that time).
/// </summary>
public sealed partial class ScheduleLoop(
    ITriggerStore store, TriggerCatalog catalog, TriggerExecutions executions, StandaloneEngine engine,
    ITemplateRenderer renderer, TimeProvider time, ILogger logger) : IDisposable
{
    public static readonly TimeSpan MaxSleep = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _wake = new(0);
    private readonly FlowTriggerDispatcher _ends = new(store, engine.Services.Store, catalog, executions, renderer, time, logger);

    private void OnExecutionEnded(string executionId) => Wake();

    /// <summary>Evaluates at once instead of at the next slot (a deployment, a trigger changed by the API).</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    public void Dispose() => _wake.Dispose();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // An end in this process is acted on at once; ends in other processes within MaxSleep.
        engine.ExecutionEnded += OnExecutionEnded;
        try
        {
            await LoopAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            engine.ExecutionEnded -= OnExecutionEnded;
        }
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var sleep = MaxSleep;
            try
            {
                sleep = await PassAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogPassFailed(logger, ex.Message);
            }

            try
            {
                await _wake.WaitAsync(sleep, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One evaluation of every trigger; returns how long to sleep before the next.</summary>
    public async Task<TimeSpan> PassAsync(CancellationToken cancellationToken)
    {
        await catalog.RefreshAsync(cancellationToken).ConfigureAwait(false);
        var stored = (await store.ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.Key);
        var now = time.GetUtcNow();
        var writes = new List<TriggerWrite>();
        var fired = new List<(DeployedTrigger Trigger, ScheduleFire Fire, Execution Execution)>();
        var earliest = now + MaxSleep;
        foreach (var trigger in catalog.Triggers)
        {
            stored.Remove(trigger.Key, out var state);
            if (!trigger.IsScheduled)
            {
                // Webhook and Flow triggers are listed too (the triggers API, enable/disable), with nothing to schedule.
                if (state is null || state.Fingerprint != trigger.Fingerprint || state.Type != trigger.Model.Type)
                {
                    writes.Add(new TriggerWrite((state ?? new TriggerState(trigger.Key, trigger.Model.Type, trigger.Fingerprint)) with
                    {
                        Type = trigger.Model.Type,
                        Fingerprint = trigger.Fingerprint,
                    }, state?.Version));
                }

                continue;
            }

            TriggerWrite? write;
            try
            {
                write = Evaluate(trigger, state, now, fired);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // One trigger that cannot be evaluated must not stop the others: its error is stored on it, and it is
                // tried again at the next pass.
                var error = $"evaluation failed: {ex.Message}";
                LogFireFailed(logger, trigger.Key.ToString(), error);
                fired.RemoveAll(f => f.Trigger.Key == trigger.Key);
                write = state is null || state.LastError == error ? null : new TriggerWrite(state with { LastError = error }, state.Version);
            }

            if (write is not null)
            {
                writes.Add(write);
            }

            var next = write?.State ?? state;
            foreach (var date in new[] { next?.NextDate, next?.Backfill is { Paused: false } b ? b.Current : null })
            {
                if (date is { } d && d < earliest)
                {
                    earliest = d;
                }
            }
        }

        // What is left was a trigger of a flow since deleted, or removed from its flow — unless a deployment landed since
        // the catalog was read (it registers its triggers after storing the flow): then the next pass decides.
        if (stored.Count > 0 && !await catalog.RefreshAsync(cancellationToken).ConfigureAwait(false))
        {
            await store.DeleteAsync([.. stored.Keys], cancellationToken).ConfigureAwait(false);
        }
        var refused = (await store.WriteAsync(writes, cancellationToken).ConfigureAwait(false)).ToHashSet();
        var started = 0;
        foreach (var (trigger, fire, execution) in fired)
        {
            if (!refused.Contains(trigger.Key))
            {
                started++;
                LogFired(logger, trigger.Key, fire.Slot, execution.Id, fire.Backfill);
            }
        }

        // Flow triggers and stopAfter, after the registrations above (a new Flow trigger hears ends from now on).
        var (heard, more) = await _ends.DispatchAsync(cancellationToken).ConfigureAwait(false);
        if (started + heard > 0)
        {
            engine.ExecutionsCreated();
        }

        if (more)
        {
            return TimeSpan.Zero;
        }

        var wait = earliest - time.GetUtcNow();
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxSleep ? MaxSleep : wait;
    }

    private TriggerWrite? Evaluate(DeployedTrigger trigger, TriggerState? state, DateTimeOffset now, List<(DeployedTrigger, ScheduleFire, Execution)> fired)
    {
        var zone = ISlotSource.Of(trigger.Model)!.TimeZone;
        var fresh = state is null || state.Fingerprint != trigger.Fingerprint;
        var current = (state ?? new TriggerState(trigger.Key, trigger.Model.Type, trigger.Fingerprint)) with
        {
            Type = trigger.Model.Type,
            Fingerprint = trigger.Fingerprint,
        };
        string? error = null;
        var evaluation = ScheduleEvaluator.Evaluate(trigger.Model, current, fresh, now, fire =>
        {
            try
            {
                return trigger.Model.Conditions.All(c => c.Test(new ConditionScope(renderer, new RenderScope(new Dictionary<string, object?> { ["trigger"] = fire.Variables(zone) }))));
            }
            catch (TriggerConditionException ex)
            {
                error = $"a condition failed on the slot {ScheduleFire.Iso(fire.Slot, zone)}: {ex.Message}";
                return false;
            }
        });
        foreach (var skip in evaluation.Skips)
        {
            LogSkipped(logger, trigger.Key.ToString(), ScheduleFire.Iso(skip.Slot, zone), skip.Reason);
        }

        if (!evaluation.Changed)
        {
            return null;
        }

        var created = new List<Execution>();
        var next = evaluation.State;
        foreach (var fire in evaluation.Fires)
        {
            try
            {
                var backfill = fire.Backfill ? current.Backfill : null;
                var execution = executions.Create(trigger.Flow, trigger.Model, fire.Variables(zone), backfill?.Inputs, backfill?.Labels);
                created.Add(execution);
                fired.Add((trigger, fire, execution));
                next = next with { LastExecutionId = execution.Id };
            }
            catch (TriggerFireException ex)
            {
                error = $"the slot {ScheduleFire.Iso(fire.Slot, zone)} started nothing: {ex.Message}";
                LogFireFailed(logger, trigger.Key.ToString(), error);
            }
        }

        next = next with { LastError = error ?? (created.Count > 0 ? null : next.LastError) };
        return new TriggerWrite(next, state?.Version) { Executions = created };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Trigger {Trigger} fired for {Slot:O}: execution {ExecutionId} (backfill: {Backfill})")]
    private static partial void LogFired(ILogger logger, TriggerKey trigger, DateTimeOffset slot, string executionId, bool backfill);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trigger {Trigger} skipped the slot {Slot}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string trigger, string slot, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trigger {Trigger}: {Error}")]
    private static partial void LogFireFailed(ILogger logger, string trigger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A scheduler pass failed, the next one tries again: {Reason}")]
    private static partial void LogPassFailed(ILogger logger, string reason);
}
