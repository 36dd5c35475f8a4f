using Harrier.Core.Engine;
using Harrier.Core.Executions;
using Harrier.Core.Logs;
using Microsoft.Extensions.Time.Testing;

namespace Harrier.Core.Tests.Engine;

public sealed class LogWriterTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static LogEntry Line(int n) => new()
    {
        ExecutionId = "ex",
        TaskRunId = "tr",
        TaskId = "t",
        Attempt = 1,
        Level = TaskLogLevel.Info,
        Message = $"line {n}",
        Timestamp = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public async Task Flush_Completes_OnceEveryEarlierLineIsStored_InWritingOrder_InBatchesOfAtMost8192()
    {
        var store = new FakeLogStore();
        await using var writer = new LogWriter(store);

        for (var i = 0; i < 50_000; i++)
        {
            writer.Write(Line(i));
        }

        await writer.FlushAsync(Ct);

        Assert.Equal(Enumerable.Range(0, 50_000).Select(i => $"line {i}"), store.Lines.Select(l => l.Message));
        Assert.All(store.Appends, a => Assert.InRange(a.Count, 1, 8_192));
    }

    [Fact]
    public async Task Stored_IsRaisedWithTheLinesAndTheirSequences()
    {
        var store = new FakeLogStore();
        await using var writer = new LogWriter(store);
        var raised = new List<LogEntry>();
        writer.Stored += lines => raised.AddRange(lines);

        writer.Write(Line(1));
        writer.Write(Line(2));
        await writer.FlushAsync(Ct);

        Assert.Equal([(1L, "line 1"), (2L, "line 2")], raised.Select(l => (l.Sequence, l.Message)));
    }

    [Fact]
    public async Task Write_Blocks_WhileTheStoreLags_AndEveryLineIsStoredOnceItCatchesUp()
    {
        var store = new FakeLogStore { HoldsFirstAppend = true };
        await using var writer = new LogWriter(store);
        var written = 0;
        var producer = new Thread(() =>
        {
            for (var i = 0; i < 200_000; i++)
            {
                writer.Write(Line(i));
                Volatile.Write(ref written, i + 1);
            }
        });
        producer.Start();
        await store.FirstAppendStarted.Task;

        // With the store stuck, the producer fills the inbox and then waits: it can never run 200,000 lines ahead.
        Assert.True(
            SpinWait.SpinUntil(() => Volatile.Read(ref written) >= 32_768 && producer.ThreadState.HasFlag(ThreadState.WaitSleepJoin), TimeSpan.FromSeconds(30)),
            $"the producer did not block (wrote {Volatile.Read(ref written)} lines)");
        Assert.InRange(Volatile.Read(ref written), 32_768, 2 * 32_768);

        store.HoldFirstAppend.SetResult();
        producer.Join();
        await writer.FlushAsync(Ct);
        Assert.Equal(Enumerable.Range(0, 200_000).Select(i => $"line {i}"), store.Lines.Select(l => l.Message));
    }

    [Fact]
    public async Task AFailedAppend_DoesNotStopTheLinesAfterIt_NorTheFlush()
    {
        var store = new FakeLogStore { FailFirstAppend = true };
        await using var writer = new LogWriter(store);

        writer.Write(Line(1));
        await writer.FlushAsync(Ct);
        writer.Write(Line(2));
        await writer.FlushAsync(Ct);

        Assert.Equal(["line 2"], store.Lines.Select(l => l.Message));
    }

    [Fact]
    public async Task Dispose_StoresWhatWasWritten_ThenDropsLaterLines_AndRefusesFlushes()
    {
        var store = new FakeLogStore();
        var writer = new LogWriter(store);
        writer.Write(Line(1));

        await writer.DisposeAsync();
        writer.Write(Line(2));

        Assert.Equal(["line 1"], store.Lines.Select(l => l.Message));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => writer.FlushAsync(Ct));
    }

    [Fact]
    public async Task ATrickledLine_IsStoredAtOnce_WithoutWaitingForABatch()
    {
        var store = new FakeLogStore();
        await using var writer = new LogWriter(store, new FakeTimeProvider());

        writer.Write(Line(1));

        // The fake clock never moves: a line that waited for a batch would never be stored.
        await store.WhenStored(1);
        writer.Write(Line(2));
        await store.WhenStored(2);
    }

    [Fact]
    public async Task DuringAFlood_ALineAfterABatch_IsStoredOnceTheLingerPasses()
    {
        var time = new FakeTimeProvider();
        var store = new FakeLogStore { HoldsFirstAppend = true };
        await using var writer = new LogWriter(store, time);
        await FloodAsync(writer, store);

        writer.Write(Line(301));
        var stored = store.WhenStored(302);
        while (!stored.IsCompleted)
        {
            // The linger's timer may not be set yet when the clock first moves: keep moving it until the line is in.
            time.Advance(TimeSpan.FromMilliseconds(1));
            await Task.Yield();
        }

        Assert.Equal("line 301", store.Lines[^1].Message);
    }

    [Fact]
    public async Task DuringAFlood_AFlush_StoresTheLinesAtOnce_WithoutWaitingForTheLinger()
    {
        var store = new FakeLogStore { HoldsFirstAppend = true };
        await using var writer = new LogWriter(store, new FakeTimeProvider());
        await FloodAsync(writer, store);

        writer.Write(Line(301));
        await writer.FlushAsync(Ct);

        Assert.Equal(Enumerable.Range(0, 302).Select(i => $"line {i}"), store.Lines.Select(l => l.Message));
    }

    /// <summary>Makes the writer store one batch of 300 lines (a flood), the first append of the store being held.</summary>
    private static async Task FloodAsync(LogWriter writer, FakeLogStore store)
    {
        writer.Write(Line(0));
        await store.FirstAppendStarted.Task;
        for (var i = 1; i <= 300; i++)
        {
            writer.Write(Line(i));
        }

        store.HoldFirstAppend.SetResult();
        await store.WhenStored(301);
    }

    [Fact]
    public async Task StoreWith_HandsEveryPendingLineToTheCallersCommit_AfterThoseTheLoopIsStoring_AndRaisesStored()
    {
        var store = new FakeLogStore { HoldsFirstAppend = true };
        await using var writer = new LogWriter(store);
        var raised = new List<string>();
        writer.Stored += lines => raised.AddRange(lines.Select(l => l.Message));
        writer.Write(Line(1));
        await store.FirstAppendStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        writer.Write(Line(2));
        writer.Write(Line(3));

        // The loop holds line 1 in a slow append: the commit waits for it, then gets 2 and 3 — never 2 before 1.
        var commit = writer.StoreWithAsync(lines =>
            Task.FromResult(("committed", (IReadOnlyList<LogEntry>?)[.. lines.Select((l, i) => l with { Sequence = 100 + i })])));
        await Task.Delay(50);
        Assert.False(commit.IsCompleted);
        store.HoldFirstAppend.SetResult();

        Assert.Equal("committed", await commit.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(["line 1"], store.Lines.Select(l => l.Message));
        Assert.Equal(["line 1", "line 2", "line 3"], raised);
    }

    [Fact]
    public async Task StoreWith_StoresTheLinesOnTheirOwn_WhenTheCommitFails()
    {
        var store = new FakeLogStore();
        await using var writer = new LogWriter(store);
        writer.Write(Line(1));

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            writer.StoreWithAsync<int>(_ => throw new InvalidOperationException("the commit was refused")));

        Assert.Equal(["line 1"], store.Lines.Select(l => l.Message));
    }
}
