using System.Collections.Concurrent;

namespace Harrier.Core.Engine.Coordination;

/// <summary>
/// The attempts this process's workers are running, each with the token that stops it: a kill of the execution (heard
/// through a nudge or found by <see cref="Workers.KillWatcher"/>), or the loss of its job's lease. An attempt is
/// registered for as long as it runs and removed after, so nothing is kept per finished execution.
/// </summary>
public sealed class RunningAttempts
{
    private readonly ConcurrentDictionary<long, Entry> _attempts = new();

    /// <summary>Execution ids with at least one running attempt here.</summary>
    public IReadOnlyCollection<string> ExecutionIds => [.. _attempts.Values.Select(e => e.ExecutionId).Distinct(StringComparer.Ordinal)];

    public int Count => _attempts.Count;

    /// <summary>Registers an attempt under its job id; dispose the handle when the attempt is over.</summary>
    public Registration Register(long jobId, string executionId)
    {
        var entry = new Entry(executionId, new CancellationTokenSource());
        _attempts[jobId] = entry;
        return new Registration(this, jobId, entry);
    }

    /// <summary>Stops every attempt of an execution running here (its tasks' process trees die).</summary>
    public void Kill(string executionId)
    {
        foreach (var entry in _attempts.Values.Where(e => e.ExecutionId == executionId))
        {
            entry.Stop(StopReason.Killed);
        }
    }

    /// <summary>Stops the attempt of one job (its lease was lost).</summary>
    public void LeaseLost(long jobId)
    {
        if (_attempts.TryGetValue(jobId, out var entry))
        {
            entry.Stop(StopReason.LeaseLost);
        }
    }

    public enum StopReason
    {
        None,
        Killed,
        LeaseLost,
    }

    public sealed class Entry(string executionId, CancellationTokenSource stop)
    {
        private int _reason;

        public string ExecutionId { get; } = executionId;

        public CancellationTokenSource Source { get; } = stop;

        public StopReason Reason => (StopReason)Volatile.Read(ref _reason);

        public void Stop(StopReason reason)
        {
            Interlocked.CompareExchange(ref _reason, (int)reason, (int)StopReason.None);
            try
            {
                Source.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The attempt has just ended.
            }
        }
    }

    public sealed class Registration(RunningAttempts owner, long jobId, Entry entry) : IDisposable
    {
        public CancellationToken Token => entry.Source.Token;

        public StopReason Reason => entry.Reason;

        public void Dispose()
        {
            owner._attempts.TryRemove(new KeyValuePair<long, Entry>(jobId, entry));
            entry.Source.Dispose();
        }
    }
}
