using Harrier.Core.Executions;
using Harrier.Core.Logs;
using Harrier.Core.Store;
using Xunit;
using static Harrier.TestKit.Contracts.ContractData;

namespace Harrier.TestKit.Contracts;

/// <summary>
/// What every <see cref="ILogPurges"/> must do: delete exactly the lines selected by execution, flow, level and date, keep
/// every other line with its sequence, never hand a deleted sequence out again, and lose nothing appended during a purge.
/// </summary>
public abstract class LogPurgesContract : ServerSeamsContract
{
    private static LogEntry Line(string executionId, TaskLogLevel level, string message, DateTimeOffset at) =>
        new() { ExecutionId = executionId, TaskRunId = "run", TaskId = "task", Attempt = 1, Level = level, Message = message, Timestamp = at };

    private async Task<string> ExecutionAsync(string ns = "company.team", string flowId = "hello")
    {
        var execution = Execution(ns: ns, flowId: flowId);
        await Seams.Engine.Store.CreateExecutionAsync(execution, Ct);
        return execution.Id;
    }

    private async Task<List<LogEntry>> LinesAsync(string executionId) => [.. await Seams.Engine.Logs.ReadAsync(executionId, 0, 100_000, Ct)];

    [Fact]
    public async Task Purge_DeletesMatchingLevels_RewritesAMixedChunk_AndKeepsTheOtherLinesWithTheirSequences()
    {
        var id = await ExecutionAsync();
        // One append of one stream is one chunk: INFO and ERROR lines interleaved, then a second chunk of INFO only.
        var mixed = await Seams.Engine.Logs.AppendAsync(
            [.. Enumerable.Range(0, 6).Select(i => Line(id, i % 2 == 0 ? TaskLogLevel.Info : TaskLogLevel.Error, $"mixed {i}", T0.AddSeconds(i)))], Ct);
        await Seams.Engine.Logs.AppendAsync([Line(id, TaskLogLevel.Info, "only info", T0.AddSeconds(10))], Ct);

        var deleted = await Seams.LogPurges.PurgeAsync(new LogPurge(T0.AddMinutes(1)) { Levels = [TaskLogLevel.Info, TaskLogLevel.Debug] }, Ct);

        Assert.Equal(4, deleted);
        var kept = await LinesAsync(id);
        Assert.Equal(["mixed 1", "mixed 3", "mixed 5"], kept.Select(l => l.Message));
        Assert.Equal(mixed.Where(l => l.Level == TaskLogLevel.Error).Select(l => l.Sequence), kept.Select(l => l.Sequence));
        Assert.All(kept, l => Assert.Equal((TaskLogLevel.Error, "run", "task", 1), (l.Level, l.TaskRunId, l.TaskId, l.Attempt)));
        Assert.Equal(T0.AddSeconds(3), kept[1].Timestamp);
        Assert.Equal(3, await Seams.Engine.Logs.CountAsync(id, Ct));
        Assert.Equal(kept.Skip(1), await Seams.Engine.Logs.ReadAsync(id, kept[0].Sequence, 10, Ct));
    }

    [Fact]
    public async Task Purge_TakesOnlyLinesBetweenTheDates_OfTheExecutionOrFlowGiven()
    {
        var first = await ExecutionAsync(flowId: "first");
        var second = await ExecutionAsync(flowId: "second");
        var elsewhere = await ExecutionAsync(ns: "company.other", flowId: "first");
        foreach (var id in new[] { first, second, elsewhere })
        {
            await Seams.Engine.Logs.AppendAsync([.. Enumerable.Range(0, 4).Select(h => Line(id, TaskLogLevel.Warn, $"hour {h}", T0.AddHours(h)))], Ct);
        }

        var byFlow = await Seams.LogPurges.PurgeAsync(new LogPurge(T0.AddHours(2)) { StartDate = T0.AddHours(1), Namespace = "company.team", FlowId = "first" }, Ct);
        var byExecution = await Seams.LogPurges.PurgeAsync(new LogPurge(T0.AddHours(3)) { ExecutionId = second }, Ct);

        Assert.Equal(2, byFlow);
        Assert.Equal(4, byExecution);
        Assert.Equal(["hour 0", "hour 3"], (await LinesAsync(first)).Select(l => l.Message));
        Assert.Empty(await LinesAsync(second));
        Assert.Equal(4, (await LinesAsync(elsewhere)).Count);
        Assert.Equal(0, await Seams.LogPurges.PurgeAsync(new LogPurge(T0.AddHours(-1)), Ct));
    }

    [Fact]
    public async Task Purge_OfTheNewestLines_NeverLetsALaterAppendReuseTheirSequences()
    {
        var id = await ExecutionAsync();
        var before = await Seams.Engine.Logs.AppendAsync([Line(id, TaskLogLevel.Info, "a", T0), Line(id, TaskLogLevel.Info, "b", T0)], Ct);

        Assert.Equal(2, await Seams.LogPurges.PurgeAsync(new LogPurge(T0), Ct));
        var after = await Seams.Engine.Logs.AppendAsync([Line(id, TaskLogLevel.Info, "c", T0)], Ct);

        Assert.True(after[0].Sequence > before[^1].Sequence, $"sequence {after[0].Sequence} was handed out again after a purge");
        Assert.Equal(["c"], (await LinesAsync(id)).Select(l => l.Message));
    }

    [Fact]
    public async Task Purge_WhileLinesAreAppendedToTheSameExecution_LosesNoLineThatDoesNotMatch()
    {
        var id = await ExecutionAsync();
        var old = T0.AddDays(-1);
        var appended = new List<LogEntry>();
        using var stop = new CancellationTokenSource();

        // Every append mixes lines the purges delete (old DEBUG) with lines they keep, so chunks being written are rewritten.
        var appender = Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
            {
                appended.AddRange(await Seams.Engine.Logs.AppendAsync(
                    [Line(id, TaskLogLevel.Debug, $"old {i}", old), Line(id, TaskLogLevel.Info, $"keep {i}a", T0), Line(id, TaskLogLevel.Debug, $"old {i}b", old), Line(id, TaskLogLevel.Info, $"keep {i}b", T0)], Ct));
            }
        });
        var purges = 0L;
        var purger = Task.Run(async () =>
        {
            while (!appender.IsCompleted)
            {
                purges += await Seams.LogPurges.PurgeAsync(new LogPurge(T0.AddHours(-1)) { ExecutionId = id }, Ct);
            }
        });
        await Task.WhenAll(appender, purger);
        purges += await Seams.LogPurges.PurgeAsync(new LogPurge(T0.AddHours(-1)) { ExecutionId = id }, Ct);

        var expected = appended.Where(l => l.Message.StartsWith("keep", StringComparison.Ordinal)).ToList();
        var kept = await LinesAsync(id);
        Assert.Equal(400, purges);
        Assert.Equal(expected.Select(l => (l.Sequence, l.Message)), kept.Select(l => (l.Sequence, l.Message)));
    }
}
