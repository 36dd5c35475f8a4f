using Harrier.Core.Engine.Workers;
using Harrier.Core.Queue;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Harrier.Core.Tests.Engine.Workers;

public sealed class LeaseKeeperTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task HeldLeases_AreRenewedEveryThirdOfTheLease_UntilReleased()
    {
        var time = new FakeTimeProvider();
        var queue = new RenewalRecordingQueueFake();
        await using var keeper = new LeaseKeeper(queue, Lease, time);
        var held = keeper.Hold(LeaseOf(1, time));
        using (keeper.Hold(LeaseOf(2, time)))
        {
            var renewed = queue.NextRenewals(2);
            time.Advance(Lease / 3);
            Assert.Equal([1L, 2L], (await renewed.WaitAsync(Patience)).Order());
        }

        var afterRelease = queue.NextRenewals(1);
        time.Advance(Lease / 3);
        Assert.Equal([1L], await afterRelease.WaitAsync(Patience));

        held.Dispose();
    }

    [Fact]
    public async Task ALeaseTheQueueSaysIsLost_IsReported_AndNoLongerRenewed()
    {
        var time = new FakeTimeProvider();
        var queue = new RenewalRecordingQueueFake { Lost = 2 };
        var lost = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var keeper = new LeaseKeeper(queue, Lease, time, jobId => lost.TrySetResult(jobId));
        using var one = keeper.Hold(LeaseOf(1, time));
        using var two = keeper.Hold(LeaseOf(2, time));

        time.Advance(Lease / 3);

        Assert.Equal(2L, await lost.Task.WaitAsync(Patience));
        var next = queue.NextRenewals(1);
        time.Advance(Lease / 3);
        Assert.Equal([1L], await next.WaitAsync(Patience));
    }

    [Fact]
    public async Task ALeaseThatCannotBeRenewed_IsReportedLost_BeforeItExpires()
    {
        var time = new FakeTimeProvider();
        var queue = new RenewalRecordingQueueFake { Failing = true };
        var lost = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var keeper = new LeaseKeeper(queue, Lease, time, jobId => lost.TrySetResult(jobId));
        var lease = LeaseOf(7, time);
        using var held = keeper.Hold(lease);

        // The first failure (a third in) leaves time for another try; the second (two thirds in) would not.
        var first = queue.NextRenewals(1);
        time.Advance(Lease / 3);
        await first.WaitAsync(Patience);
        Assert.False(lost.Task.IsCompleted);
        time.Advance(Lease / 3);

        Assert.Equal(7L, await lost.Task.WaitAsync(Patience));
        Assert.True(time.GetUtcNow() < lease.ExpiresAt, "the lease was given up only after it expired");
    }

    [Fact]
    public async Task Dispose_EndsTheRenewals_WithoutWaitingForATick()
    {
        var keeper = new LeaseKeeper(new RenewalRecordingQueueFake(), Lease, new FakeTimeProvider());

        await keeper.DisposeAsync().AsTask().WaitAsync(Patience);
    }

    private static JobLease LeaseOf(long id, TimeProvider time) => new(id, new WorkerJob("ex", $"tr{id}", 0), $"w:{id}", 1, time.GetUtcNow() + Lease);

    /// <summary>A fake: only renewals are recorded (what LeaseKeeper calls); every other member is unused here.</summary>
    private sealed class RenewalRecordingQueueFake : IJobQueue
    {
        private readonly Lock _gate = new();
        private readonly List<long> _renewed = [];
        private (int Count, TaskCompletionSource<List<long>> Done)? _waiter;

        /// <summary>The job whose renewals say the lease was lost.</summary>
        public long? Lost { get; init; }

        /// <summary>Every renewal throws, as when the store cannot be reached.</summary>
        public bool Failing { get; init; }

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

            return Failing ? Task.FromException<bool>(new IOException("the store is unreachable")) : Task.FromResult(lease.JobId != Lost);
        }

        public Task EnqueueAsync(WorkerJob job, DateTimeOffset? notBefore, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<JobLease?> TryClaimAsync(JobClaim claim, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> CompleteAsync(JobLease lease, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> ReleaseAsync(JobLease lease, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<DateTimeOffset?> NextDueAsync(JobClaim claim, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<WaitingGroupJob>> ListWaitingGroupJobsAsync(string? owner, int offset, int limit, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<JobLease?> TryClaimJobAsync(long jobId, JobClaim claim, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
