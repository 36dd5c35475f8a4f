using Harrier.Core.Engine.Workers;
using Harrier.Core.Queue;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Harrier.Core.Tests.Engine.Workers;

public sealed class LeaseKeeperTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task HeldLeases_AreRenewedEveryThirdOfTheLease_UntilReleased()
    {
        var time = new FakeTimeProvider();
        var queue = new RenewalRecordingQueueFake();
        await using var keeper = new LeaseKeeper(queue, Lease, time);
        var first = new JobLease(1, new WorkerJob("ex", "tr1", 0), "w:0", time.GetUtcNow() + Lease);
        var second = new JobLease(2, new WorkerJob("ex", "tr2", 0), "w:1", time.GetUtcNow() + Lease);
        var held = keeper.Hold(first);
        using (keeper.Hold(second))
        {
            var renewed = queue.NextRenewals(2);
            time.Advance(Lease / 3);
            Assert.Equal([1L, 2L], (await renewed.WaitAsync(TimeSpan.FromSeconds(10))).Order());
        }

        var afterRelease = queue.NextRenewals(1);
        time.Advance(Lease / 3);
        Assert.Equal([1L], await afterRelease.WaitAsync(TimeSpan.FromSeconds(10)));

        held.Dispose();
    }

    [Fact]
    public async Task Dispose_EndsTheRenewals_WithoutWaitingForATick()
    {
        var keeper = new LeaseKeeper(new RenewalRecordingQueueFake(), Lease, new FakeTimeProvider());

        await keeper.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>A fake: only renewals are recorded (what LeaseKeeper calls); every other member is unused here.</summary>
    private sealed class RenewalRecordingQueueFake : IJobQueue
    {
        private readonly Lock _gate = new();
        private readonly List<long> _renewed = [];
        private (int Count, TaskCompletionSource<List<long>> Done)? _waiter;

        public Task<List<long>> NextRenewals(int count)
        {
            lock (_gate)
            {
                _renewed.Clear();
                var done = new TaskCompletionSource<List<long>>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiter = (count, done);
                return done.Task;
            }
        }

        public Task<bool> RenewAsync(JobLease lease, TimeSpan leaseDuration, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                _renewed.Add(lease.JobId);
                if (_waiter is { } waiter && _renewed.Count >= waiter.Count)
                {
                    waiter.Done.TrySetResult([.. _renewed]);
                    _waiter = null;
                }
            }

            return Task.FromResult(true);
        }

        public Task EnqueueAsync(WorkerJob job, DateTimeOffset? notBefore, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<JobLease?> TryClaimAsync(string workerId, string? workerGroup, TimeSpan leaseDuration, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task CompleteAsync(JobLease lease, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<DateTimeOffset?> NextDueAsync(string? workerGroup, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<int> CancelExecutionAsync(string executionId, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
