using Harrier.Core.Queue;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using static Harrier.TestKit.Contracts.ContractData;

namespace Harrier.TestKit.Contracts;

/// <summary>
/// What every <see cref="IJobQueue"/> must do. Derive and return a fresh, empty queue reading time from the given
/// provider; the suite drives lease expiry with a <see cref="FakeTimeProvider"/> (a fake: wall time cannot be steered).
/// </summary>
public abstract partial class JobQueueContract : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private IJobQueue? _queue;

    protected FakeTimeProvider Time { get; } = new(T0);

    protected IJobQueue Queue => _queue ?? throw new InvalidOperationException("InitializeAsync has not run.");

    protected static CancellationToken Ct => CancellationToken.None;

    protected abstract Task<IJobQueue> CreateQueueAsync(TimeProvider time);

    public async Task InitializeAsync() => _queue = await CreateQueueAsync(Time);

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private static WorkerJob Job(string? executionId = null, int attempt = 1, string? group = null) =>
        new(executionId ?? NewId("ex"), NewId("tr"), attempt) { WorkerGroup = group };

    /// <summary>A claim in the pool's scope (jobs enqueued without an execution have no owner).</summary>
    private Task<JobLease?> ClaimAsync(string worker, string? group, TimeSpan lease) => Queue.TryClaimAsync(new JobClaim(worker, group, null, lease), Ct);

    private Task<DateTimeOffset?> NextDueAsync(string? group) => Queue.NextDueAsync(new JobClaim("any", group, null, Lease), Ct);

    [Fact]
    public async Task TryClaim_ReturnsNull_WhenTheQueueIsEmpty() => Assert.Null(await ClaimAsync("w1", null, Lease));

    [Fact]
    public async Task TryClaim_ReturnsTheJobWithItsLease()
    {
        var job = Job(attempt: 3);
        await Queue.EnqueueAsync(job, null, Ct);

        var lease = await ClaimAsync("w1", null, Lease);

        Assert.NotNull(lease);
        Assert.Equal(job, lease.Job);
        Assert.Equal("w1", lease.WorkerId);
        Assert.Equal(Time.GetUtcNow() + Lease, lease.ExpiresAt);
    }

    [Fact]
    public async Task TryClaim_HandsOutJobsFirstInFirstOut()
    {
        var jobs = Enumerable.Range(0, 5).Select(i => Job(attempt: i + 1)).ToList();
        foreach (var job in jobs)
        {
            await Queue.EnqueueAsync(job, null, Ct);
        }

        var claimed = new List<WorkerJob>();
        while (await ClaimAsync("w1", null, Lease) is { } lease)
        {
            claimed.Add(lease.Job);
        }

        Assert.Equal(jobs, claimed);
    }

    [Fact]
    public async Task TryClaim_SkipsAJob_UntilItsNotBefore()
    {
        var later = Job();
        var now = Job();
        await Queue.EnqueueAsync(later, Time.GetUtcNow().AddSeconds(10), Ct);
        await Queue.EnqueueAsync(now, null, Ct);

        Assert.Equal(now, (await ClaimAsync("w1", null, Lease))?.Job);
        Assert.Null(await ClaimAsync("w1", null, Lease));
        Time.Advance(TimeSpan.FromSeconds(9.999));
        Assert.Null(await ClaimAsync("w1", null, Lease));
        Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(later, (await ClaimAsync("w1", null, Lease))?.Job);
    }

    [Fact]
    public async Task TryClaim_NeverHandsOutALeasedJobTwice()
    {
        await Queue.EnqueueAsync(Job(), null, Ct);

        Assert.NotNull(await ClaimAsync("w1", null, Lease));
        Assert.Null(await ClaimAsync("w2", null, Lease));
        Time.Advance(Lease - TimeSpan.FromMilliseconds(1));
        Assert.Null(await ClaimAsync("w2", null, Lease));
    }

    [Fact]
    public async Task TryClaim_From8TasksAtOnce_ClaimsEachJobExactlyOnce()
    {
        var jobs = Enumerable.Range(0, 200).Select(_ => Job()).ToList();
        foreach (var job in jobs)
        {
            await Queue.EnqueueAsync(job, null, Ct);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var mine = new List<JobLease>();
            while (await ClaimAsync($"w{w}", null, Lease) is { } lease)
            {
                mine.Add(lease);
            }

            return mine;
        })));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(200, all.Count);
        Assert.Equal(200, all.Select(l => l.JobId).Distinct().Count());
        Assert.Equal(jobs.Select(j => j.TaskRunId).Order(), all.Select(l => l.Job.TaskRunId).Order());
    }

    [Fact]
    public async Task TryClaim_TakesAJobAgain_OnceItsLeaseExpired()
    {
        var job = Job();
        await Queue.EnqueueAsync(job, null, Ct);
        var first = await ClaimAsync("w1", null, Lease);

        Time.Advance(Lease);
        var second = await ClaimAsync("w2", null, Lease);

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.Equal(first.JobId, second.JobId);
        Assert.Equal(job, second.Job);
        Assert.Equal("w2", second.WorkerId);
    }
}
