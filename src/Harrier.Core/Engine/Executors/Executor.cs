using Harrier.Core.Engine.Coordination;
using Harrier.Core.Engine.Planning;
using Harrier.Core.Queue;
using Harrier.Core.Store;
using Microsoft.Extensions.Logging;

namespace Harrier.Core.Engine.Executors;

/// <summary>
/// The executor: <see cref="EngineOptions.ExecutorSlots"/> loops, each claiming one execution to plan from the durable
/// planning queue (of this process's owner scope) and running one pass on it. Different executions are planned in
/// parallel, one execution by one slot at a time (the planning lease). Idle slots sleep until a nudge or the poll
/// interval, so wake-ups written by other processes are found within that bound.
/// </summary>
public sealed partial class Executor
{
    /// <summary>Passes retried at once after a concurrent write before the wake-up is handed back.</summary>
    private const int ConflictRetries = 8;

    private readonly EngineServices _services;
    private readonly IEngineNudges _nudges;
    private readonly ExecutionPass _pass;
    private readonly ILogger _logger;

    public Executor(EngineServices services, IEngineNudges nudges, LogWriter logs, FlowCache flows)
    {
        _services = services;
        _nudges = nudges;
        _logger = services.Loggers.CreateLogger<Executor>();
        var variables = new EngineVariables(EngineVariables.EnvsFrom(Environment.GetEnvironmentVariables()), services.Globals, services.SecretCipher);
        var planner = new ExecutionPlanner(new RendererPlanEvaluator(services.Renderer, variables, services), services.Time, () => Ids.New());
        _pass = new ExecutionPass(services, logs, flows, new PlanningReads(services.Store, planner), new FlowOutputsRenderer(services.Renderer, variables, services.SecretCipher), nudges,
            new SlaCheck(services.Store, services.Renderer, variables));
    }

    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, _services.Options.ExecutorSlots)
            .Select(slot => Task.Run(() => SlotAsync(slot, cancellationToken), CancellationToken.None)));

    /// <remarks>
    /// A lease handed over by this process's worker comes first: it needs no claim. Otherwise a slot claims when nudged
    /// or when the queue says a wake-up is due, and sleeps until the next is due or the poll interval passes.
    /// </remarks>
    private async Task SlotAsync(int slot, CancellationToken cancellationToken)
    {
        var options = _services.Options;
        var executorId = $"{options.ProcessId}/{options.InstanceId}:executor:{slot}";
        var nudged = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (_nudges.TryTakeHandOff(out var handed))
                {
                    await PlanAsync(handed, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (!nudged && await UntilDueAsync(cancellationToken).ConfigureAwait(false) is { } wait)
                {
                    nudged = await _nudges.WaitForExecutionsAsync(wait, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                nudged = false;
                if (await _services.Planning.TryClaimAsync(executorId, options.Owner, options.PlanningLeaseDuration, cancellationToken).ConfigureAwait(false) is { } lease)
                {
                    await PlanAsync(lease, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                if (ex is StoreFailedException failure)
                {
                    _services.Health.Report(failure);
                }

                // The store failed (disk full, database locked for longer than the busy timeout): the wake-up is still
                // stored, so the execution is planned again once the store answers.
                LogStoreFailure(_logger, ex.Message);
                await Task.Delay(options.ExecutorPollInterval, _services.Time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task PlanAsync(PlanningLease lease, CancellationToken cancellationToken)
    {
        try
        {
            for (var attempt = 0; attempt < ConflictRetries; attempt++)
            {
                if (await _pass.RunAsync(lease, cancellationToken).ConfigureAwait(false))
                {
                    _services.Activity.PlanningPassCommitted();
                    return;
                }
            }

            await _services.Planning.ReleaseAsync(lease, cancellationToken).ConfigureAwait(false);
        }
        catch (LeaseLostException ex)
        {
            // Another executor took the execution over (this one stalled past its lease): its pass counts, not ours.
            LogLeaseLost(_logger, lease.ExecutionId, ex.Message);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FlowableDecisionException or KeyNotFoundException)
        {
            await _pass.FailAsync(lease, $"the executor could not plan this execution: {ex.Message}", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>How long to sleep before a wake-up of this scope is due (at most the poll interval), or null when one is due now.</summary>
    private async Task<TimeSpan?> UntilDueAsync(CancellationToken cancellationToken)
    {
        var due = await _services.Planning.NextDueAsync(_services.Options.Owner, cancellationToken).ConfigureAwait(false);
        var poll = _services.Options.ExecutorPollInterval;
        if (due is not { } next)
        {
            return poll;
        }

        var untilDue = next - _services.Time.GetUtcNow();
        return untilDue <= TimeSpan.Zero ? null : untilDue < poll ? untilDue : poll;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The executor could not reach the store, it retries: {Reason}")]
    private static partial void LogStoreFailure(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Execution {ExecutionId} was taken over by another executor: {Reason}")]
    private static partial void LogLeaseLost(ILogger logger, string executionId, string reason);
}
