using Harrier.Core.Executions;
using Harrier.Core.Rendering;
using Harrier.Core.Store;
using Harrier.Core.Store.Triggers;
using Harrier.Core.Triggers;
using Harrier.Core.Triggers.Conditions;
using Harrier.Server.Api.Executions;
using Microsoft.Extensions.Logging;

namespace Harrier.Server.Scheduling;

/// <summary>
/// Acts on the outbox of ended executions: starts the flows whose Flow triggers hear the end (states, conditions,
/// <c>when</c>, windows of preconditions / dependsOn / MultipleCondition), and disables the trigger that started the ended
/// execution when its <c>stopAfter</c> lists the state. Each outbox entry is one transaction
/// (<see cref="ITriggerStore.ConsumeEndedAsync"/>): the entry goes with the windows, trigger states and executions it led
/// to, so a scheduler killed at any instruction leaves the entry for the next pass, and two schedulers never both act on one.
/// A flow never starts again through a chain of Flow triggers that it is already part of (the chain travels with each
/// execution): no loop, whatever the triggers say.
/// </summary>
public sealed partial class FlowTriggerDispatcher(
    ITriggerStore store, IExecutionStore executions, TriggerCatalog catalog, TriggerExecutions starter, ITemplateRenderer renderer,
    TimeProvider time, ILogger logger)
{
    /// <summary>Outbox entries read per pass.</summary>
    public const int Batch = 200;

    private const int Attempts = 5;

    /// <summary>Acts on the oldest ended executions; returns how many executions were started and whether entries are left.</summary>
    public async Task<(int Started, bool More)> DispatchAsync(CancellationToken cancellationToken)
    {
        var entries = await store.ReadEndedAsync(Batch, cancellationToken).ConfigureAwait(false);
        if (entries.Count == 0)
        {
            return (0, false);
        }

        // Read once per batch, and again only after this dispatcher or someone else changed a trigger.
        var states = await StatesAsync(cancellationToken).ConfigureAwait(false);
        var started = 0;
        foreach (var entry in entries)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var (count, wroteTriggers) = await ConsumeAsync(entry, states, cancellationToken).ConfigureAwait(false);
                    started += count;
                    if (wroteTriggers)
                    {
                        states = await StatesAsync(cancellationToken).ConfigureAwait(false);
                    }

                    break;
                }
                catch (ConcurrencyConflictException) when (attempt < Attempts)
                {
                    // Another writer moved a trigger this entry touches (the API, another scheduler): read again and redo.
                    states = await StatesAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return (started, entries.Count == Batch);
    }

    private async Task<Dictionary<TriggerKey, TriggerState>> StatesAsync(CancellationToken cancellationToken) =>
        (await store.ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.Key);

    private async Task<(int Started, bool WroteTriggers)> ConsumeAsync(EndedExecution entry, Dictionary<TriggerKey, TriggerState> states, CancellationToken cancellationToken)
    {
        var ended = await executions.GetExecutionAsync(entry.ExecutionId, cancellationToken).ConfigureAwait(false);
        if (ended is null || !ended.State.IsTerminal())
        {
            // Deleted since, or restarted before this entry was read (its new end will have an entry of its own).
            await store.ConsumeEndedAsync(new EndedConsumption(entry.Seq), cancellationToken).ConfigureAwait(false);
            return (0, false);
        }

        var writes = new Dictionary<TriggerKey, TriggerWrite>();
        var windows = new List<WindowWrite>();
        var created = new List<Execution>();
        StopAfter(ended, states, writes);
        var chain = (ended.Trigger?.Chain ?? []).Append(FlowKey(ended.Namespace, ended.FlowId)).ToList();
        var variables = Variables(ended);
        foreach (var deployed in catalog.Triggers)
        {
            if (deployed.Model is not FlowTrigger trigger || deployed.Flow.Disabled || trigger.Disabled
                || states.GetValueOrDefault(deployed.Key) is not { } state || state.Disabled is true || !trigger.States.Contains(ended.State))
            {
                continue;
            }

            if (chain.Contains(FlowKey(deployed.Flow.Namespace, deployed.Flow.Id)))
            {
                LogLoopRefused(logger, deployed.Key, ended.Id, chain);
                continue;
            }

            var scope = new ConditionScope(renderer, new RenderScope(new Dictionary<string, object?> { ["trigger"] = variables }))
            {
                Execution = new ConditionExecution(ended.Id, ended.Namespace, ended.FlowId, ended.State, ended.Labels, ended.Outputs),
            };
            try
            {
                if (!trigger.Conditions.All(c => c.Test(scope)) || (trigger.When is { } when && !scope.RenderTruth(when, "when")))
                {
                    continue;
                }

                var (fires, met) = await WindowsAsync(deployed.Key, trigger, scope, entry.EndedAt, ended, cancellationToken).ConfigureAwait(false);
                windows.AddRange(met);
                if (met.Count == 0 && !fires)
                {
                    continue;
                }

                var next = state with { LastError = null };
                if (fires)
                {
                    var execution = starter.Create(deployed.Flow, trigger, variables, chain: chain, correlationId: CorrelationOf(ended));
                    created.Add(execution);
                    next = next with { LastExecutionId = execution.Id, LastDate = entry.EndedAt };
                    LogFired(logger, deployed.Key, ended.Id, execution.Id);
                }

                // Written even when only a window moved: the version guards the window against a concurrent writer.
                writes[deployed.Key] = new TriggerWrite(next, state.Version);
            }
            catch (Exception ex) when (ex is TriggerConditionException or TriggerFireException)
            {
                LogFailed(logger, deployed.Key, ended.Id, ex.Message);
                writes[deployed.Key] = new TriggerWrite(state with { LastError = $"on the end of execution {ended.Id}: {ex.Message}" }, state.Version);
            }
        }

        var consumed = await store.ConsumeEndedAsync(
            new EndedConsumption(entry.Seq) { Windows = windows, Triggers = [.. writes.Values], Executions = created }, cancellationToken).ConfigureAwait(false);
        return consumed ? (created.Count, writes.Count > 0) : (0, false);
    }

    /// <summary>
    /// The windowed conditions this end meets, written back (with the time and outputs), and whether all of them are now
    /// satisfied. A trigger without windows fires on every end its conditions accept.
    /// </summary>
    private async Task<(bool Fires, List<WindowWrite> Writes)> WindowsAsync(
        TriggerKey key, FlowTrigger trigger, ConditionScope scope, DateTimeOffset endedAt, Execution ended, CancellationToken cancellationToken)
    {
        var writes = new List<WindowWrite>();
        if (trigger.Windowed.Count == 0)
        {
            return (true, writes);
        }

        var (satisfied, anyMoved) = (true, false);
        var pending = new List<(string Id, Dictionary<string, WindowMember> Members, bool Reset)>();
        foreach (var window in trigger.Windowed)
        {
            var members = new Dictionary<string, WindowMember>(await store.ReadWindowAsync(key, window.Id, cancellationToken).ConfigureAwait(false), StringComparer.Ordinal);
            var moved = false;
            foreach (var (member, condition) in window.Members)
            {
                if (condition.Test(scope))
                {
                    members[member] = new WindowMember(endedAt, ended.Outputs);
                    moved = true;
                }
            }

            var now = time.GetUtcNow();
            var met = window.IsSatisfied(members.ToDictionary(m => m.Key, m => m.Value.At), now);
            satisfied &= met;
            anyMoved |= moved;
            if (moved || met)
            {
                pending.Add((window.Id, members, window.ResetOnSuccess));
            }
        }

        // Only an end that met a member can complete the windows: others leave them as they are.
        if (!anyMoved)
        {
            return (false, writes);
        }

        foreach (var (id, members, reset) in pending)
        {
            writes.Add(new WindowWrite(key, id, satisfied && reset ? new Dictionary<string, WindowMember>() : members));
        }

        return (satisfied, writes);
    }

    /// <summary>The trigger that started <paramref name="ended"/> disables itself when its <c>stopAfter</c> lists the end state.</summary>
    private void StopAfter(Execution ended, Dictionary<TriggerKey, TriggerState> states, Dictionary<TriggerKey, TriggerWrite> writes)
    {
        if (ended.Trigger is not { } origin)
        {
            return;
        }

        var key = new TriggerKey(ended.Namespace, ended.FlowId, origin.Id);
        if (catalog.Find(key) is { } deployed && deployed.Model.StopAfter.Contains(ended.State)
            && states.GetValueOrDefault(key) is { Disabled: not true } state)
        {
            LogStopped(logger, key, ended.Id, ended.State);
            writes[key] = new TriggerWrite(state with { Disabled = true }, state.Version);
        }
    }

    /// <summary>Kestra's Flow trigger variables: the ended execution's id, flow, revision, state, outputs and labels.</summary>
    private static Dictionary<string, object?> Variables(Execution ended) => new(StringComparer.Ordinal)
    {
        ["executionId"] = ended.Id,
        ["namespace"] = ended.Namespace,
        ["flowId"] = ended.FlowId,
        ["flowRevision"] = (long)ended.FlowRevision,
        ["state"] = ended.State.ToName(),
        ["outputs"] = ended.Outputs,
        ["labels"] = ended.Labels.GroupBy(l => l.Key).ToDictionary(g => g.Key, g => (object?)g.Last().Value, StringComparer.Ordinal),
    };

    private static string? CorrelationOf(Execution ended) =>
        ended.Labels.LastOrDefault(l => l.Key == ExecutionStarter.CorrelationLabel)?.Value;

    private static string FlowKey(string ns, string id) => $"{ns}.{id}";

    [LoggerMessage(Level = LogLevel.Information, Message = "Trigger {Trigger} heard execution {Ended} end: execution {ExecutionId}")]
    private static partial void LogFired(ILogger logger, TriggerKey trigger, string ended, string executionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trigger {Trigger} does not start its flow on the end of execution {Ended}: the flow is already in its chain of Flow triggers ({Chain}), which would loop")]
    private static partial void LogLoopRefused(ILogger logger, TriggerKey trigger, string ended, IReadOnlyList<string> chain);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trigger {Trigger} on the end of execution {Ended}: {Error}")]
    private static partial void LogFailed(ILogger logger, TriggerKey trigger, string ended, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trigger {Trigger} disabled itself (stopAfter): execution {Ended} ended {State}")]
    private static partial void LogStopped(ILogger logger, TriggerKey trigger, string ended, State state);
}
