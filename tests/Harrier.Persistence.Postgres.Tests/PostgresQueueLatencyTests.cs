using System.Diagnostics;
using Harrier.Core.Queue;
using Harrier.TestKit.Contracts;
using Xunit;
using Xunit.Abstractions;

namespace Harrier.Persistence.Postgres.Tests;

/// <summary>
/// Queue latency across processes: a job enqueued through one store (one pool) is claimed through another that sleeps
/// until its LISTEN connection hears <c>harrier_jobs</c>, as an idle worker does. The figures are printed; the bound
/// asserted is loose (the poll fallback is 1 s, a notification must beat it by far), so a busy machine does not fail it.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresQueueLatencyTests(PostgresCluster cluster, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Samples = 300;

    private readonly TempDatabase _database = new(cluster);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _database.DeleteAsync();

    [Fact]
    public async Task AJobEnqueuedInOneProcess_IsClaimedInAnother_WithinMilliseconds_ThroughNotify()
    {
        var producer = await _database.OpenAsync();
        var consumer = await _database.OpenAsync();
        var execution = ContractData.Execution();
        await producer.Executions.CreateExecutionAsync(execution, CancellationToken.None);
        using var heard = new SemaphoreSlim(0);
        consumer.Listener.JobsAvailable += () => heard.Release();
        await consumer.Listener.Listening.WaitAsync(TimeSpan.FromSeconds(10));

        var claim = new JobClaim("w1", null, null, TimeSpan.FromMinutes(1));
        var latencies = new List<double>(Samples);
        using var stop = new CancellationTokenSource();
        var claimed = System.Threading.Channels.Channel.CreateUnbounded<long>();
        var worker = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (await consumer.Jobs.TryClaimAsync(claim, CancellationToken.None) is { } lease)
                {
                    claimed.Writer.TryWrite(Stopwatch.GetTimestamp());
                    await consumer.Jobs.CompleteAsync(lease, CancellationToken.None);
                    continue;
                }

                // Idle: sleep until a notification, 1 s at most (the fallback poll).
                try
                {
                    await heard.WaitAsync(TimeSpan.FromSeconds(1), stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });

        for (var i = 0; i < Samples; i++)
        {
            // Let the worker go idle first, so each sample measures a sleeping worker woken by the notification.
            await Task.Delay(5);
            var start = Stopwatch.GetTimestamp();
            await producer.Jobs.EnqueueAsync(new WorkerJob(execution.Id, $"tr{i}", 0), null, CancellationToken.None);
            var end = await claimed.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            latencies.Add(Stopwatch.GetElapsedTime(start, end).TotalMilliseconds);
        }

        await stop.CancelAsync();
        await worker;
        latencies.Sort();
        var p50 = latencies[Samples / 2];
        var p99 = latencies[(int)(Samples * 0.99)];
        output.WriteLine($"queue latency enqueue -> claim across two pools, {Samples} samples: p50 {p50:F2} ms, p99 {p99:F2} ms, max {latencies[^1]:F2} ms");
        Assert.True(p50 < 100, $"p50 {p50:F1} ms: the claim waited for the poll instead of the notification");
    }
}
