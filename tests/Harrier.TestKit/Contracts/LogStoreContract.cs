using Harrier.Core.Executions;
using Harrier.Core.Logs;
using Harrier.Core.Store;
using Xunit;
using static Harrier.TestKit.Contracts.ContractData;

namespace Harrier.TestKit.Contracts;

/// <summary>What every <see cref="ILogStore"/> must do. Derive, return a fresh store, dispose it in <see cref="DisposeAsync"/>.</summary>
public abstract partial class LogStoreContract : IAsyncLifetime
{
    private ILogStore? _logs;

    protected ILogStore Logs => _logs ?? throw new InvalidOperationException("InitializeAsync has not run.");

    protected static CancellationToken Ct => CancellationToken.None;

    protected abstract Task<ILogStore> CreateLogStoreAsync();

    public async Task InitializeAsync() => _logs = await CreateLogStoreAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected static LogEntry Line(string executionId, string message, TaskLogLevel level = TaskLogLevel.Info) => new()
    {
        ExecutionId = executionId,
        TaskRunId = "tr-1",
        TaskId = "hello",
        Attempt = 1,
        Level = level,
        Message = message,
        Timestamp = T0,
    };

    [Fact]
    public async Task Append_RoundTripsEveryField()
    {
        var executionId = NewId("ex");
        var lines = new[]
        {
            Line(executionId, "plain"),
            Line(executionId, "ünïcode ✓ 🚀 \"quotes\" \\ \t tab", TaskLogLevel.Error) with { Timestamp = T0.AddTicks(10_000) },
            Line(executionId, "", TaskLogLevel.Trace) with { TaskRunId = null, TaskId = null, Attempt = null },
            Line(executionId, "warn", TaskLogLevel.Warn) with { Attempt = 3 },
            Line(executionId, "debug", TaskLogLevel.Debug),
        };

        var appended = await Logs.AppendAsync(lines, Ct);
        var read = await Logs.ReadAsync(executionId, 0, 100, Ct);

        Assert.Equal(appended, read);
        Assert.Equal(lines, read.Select(l => l with { Sequence = 0 }));
    }

    [Fact]
    public async Task Append_AssignsIncreasingSequences_InBatchOrder_AcrossBatches()
    {
        var executionId = NewId("ex");

        var first = await Logs.AppendAsync([Line(executionId, "1"), Line(executionId, "2")], Ct);
        var second = await Logs.AppendAsync([Line(executionId, "3")], Ct);

        var sequences = first.Concat(second).Select(l => l.Sequence).ToList();
        Assert.All(sequences, s => Assert.True(s > 0));
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(sequences.Count, sequences.Distinct().Count());
        Assert.Equal(["1", "2", "3"], (await Logs.ReadAsync(executionId, 0, 10, Ct)).Select(l => l.Message));
    }

    [Fact]
    public async Task Append_ReturnsNothing_ForAnEmptyBatch() => Assert.Empty(await Logs.AppendAsync([], Ct));

    [Fact]
    public async Task Read_ReturnsLinesAfterTheSequence_OldestFirst_UpToTheLimit()
    {
        var executionId = NewId("ex");
        var appended = await Logs.AppendAsync([.. Enumerable.Range(0, 10).Select(i => Line(executionId, $"line {i}"))], Ct);

        var page = await Logs.ReadAsync(executionId, appended[3].Sequence, 4, Ct);
        var rest = await Logs.ReadAsync(executionId, page[^1].Sequence, 100, Ct);
        var none = await Logs.ReadAsync(executionId, appended[^1].Sequence, 100, Ct);

        Assert.Equal(["line 4", "line 5", "line 6", "line 7"], page.Select(l => l.Message));
        Assert.Equal(["line 8", "line 9"], rest.Select(l => l.Message));
        Assert.Empty(none);
    }

    [Fact]
    public async Task Read_AndCount_SeeOnlyThatExecution()
    {
        var one = NewId("ex");
        var two = NewId("ex");
        await Logs.AppendAsync([Line(one, "a"), Line(two, "x"), Line(one, "b")], Ct);
        await Logs.AppendAsync([Line(two, "y"), Line(one, "c")], Ct);

        Assert.Equal(["a", "b", "c"], (await Logs.ReadAsync(one, 0, 10, Ct)).Select(l => l.Message));
        Assert.Equal(["x", "y"], (await Logs.ReadAsync(two, 0, 10, Ct)).Select(l => l.Message));
        Assert.Equal(3, await Logs.CountAsync(one, Ct));
        Assert.Equal(2, await Logs.CountAsync(two, Ct));
        Assert.Equal(0, await Logs.CountAsync(NewId("ex"), Ct));
    }

    [Fact]
    public async Task Append_StoresA10000LineBatch_InOrder()
    {
        var executionId = NewId("ex");
        var batch = Enumerable.Range(0, 10_000).Select(i => Line(executionId, $"line {i:D5}")).ToList();

        var appended = await Logs.AppendAsync(batch, Ct);

        Assert.Equal(10_000, await Logs.CountAsync(executionId, Ct));
        var all = new List<LogEntry>();
        for (var after = 0L; ;)
        {
            var page = await Logs.ReadAsync(executionId, after, 3_000, Ct);
            if (page.Count == 0)
            {
                break;
            }

            all.AddRange(page);
            after = page[^1].Sequence;
        }

        Assert.Equal(batch.Select(l => l.Message), all.Select(l => l.Message));
        Assert.Equal(appended.Select(l => l.Sequence), all.Select(l => l.Sequence));
    }

    [Fact]
    public async Task Append_FromManyWritersAtOnce_KeepsEachWritersOrder()
    {
        var executionId = NewId("ex");
        var writers = Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            for (var batch = 0; batch < 20; batch++)
            {
                await Logs.AppendAsync([.. Enumerable.Range(0, 5).Select(i => Line(executionId, $"{w}:{(batch * 5) + i:D3}"))], Ct);
            }
        }));

        await Task.WhenAll(writers);

        var lines = await Logs.ReadAsync(executionId, 0, 10_000, Ct);
        Assert.Equal(600, lines.Count);
        Assert.Equal(lines.Select(l => l.Sequence).Order(), lines.Select(l => l.Sequence));
        for (var w = 0; w < 6; w++)
        {
            var own = lines.Select(l => l.Message).Where(m => m.StartsWith($"{w}:", StringComparison.Ordinal)).ToList();
            Assert.Equal(Enumerable.Range(0, 100).Select(i => $"{w}:{i:D3}"), own);
        }
    }
}
