using Harrier.Core.Executions;
using Harrier.Core.Logs;
using Xunit;
using static Harrier.TestKit.Contracts.ContractData;

namespace Harrier.TestKit.Contracts;

/// <summary>
/// Line content and cursors under the shapes a store may pack lines into (a backend storing several lines per
/// row must hand back each line exactly as a backend storing one row per line does).
/// </summary>
public abstract partial class LogStoreContract
{
    [Fact]
    public async Task Read_FromEveryCursor_ReturnsExactlyTheLinesAfterIt_AcrossBatches()
    {
        var executionId = NewId("ex");
        var appended = new List<LogEntry>();
        appended.AddRange(await Logs.AppendAsync([.. Enumerable.Range(0, 7).Select(i => Line(executionId, $"a{i}"))], Ct));
        appended.AddRange(await Logs.AppendAsync([Line(executionId, "b0")], Ct));
        appended.AddRange(await Logs.AppendAsync([.. Enumerable.Range(0, 5).Select(i => Line(executionId, $"c{i}") with { TaskRunId = $"tr-{i % 2}" })], Ct));

        for (var at = -1; at < appended.Count; at++)
        {
            var after = at < 0 ? 0 : appended[at].Sequence;
            var page = await Logs.ReadAsync(executionId, after, 3, Ct);

            Assert.Equal(appended.Skip(at + 1).Take(3), page);
        }
    }

    [Fact]
    public async Task Append_InterleavedTaskRunsAndAttempts_InOneBatch_KeepEachLinesOwnColumns()
    {
        var executionId = NewId("ex");
        var lines = new[]
        {
            Line(executionId, "one"),
            Line(executionId, "two") with { TaskRunId = "tr-2", TaskId = "other" },
            Line(executionId, "three"),
            Line(executionId, "four") with { Attempt = 2 },
            Line(executionId, "five") with { TaskRunId = null, TaskId = null, Attempt = null },
            Line(executionId, "six") with { TaskRunId = null, TaskId = null, Attempt = null },
            Line(executionId, "seven"),
        };

        var appended = await Logs.AppendAsync(lines, Ct);

        Assert.Equal(appended, await Logs.ReadAsync(executionId, 0, 100, Ct));
        Assert.Equal(lines, appended.Select(l => l with { Sequence = 0 }));
    }

    [Fact]
    public async Task Append_KeepsEachLinesLevelAndTimestamp_WhenTheyChangeWithinABatch()
    {
        var executionId = NewId("ex");
        var levels = Enum.GetValues<TaskLogLevel>();
        // Forward, back (a clock stepped back), far away in both directions, and equal.
        var times = new[] { T0, T0.AddMilliseconds(1), T0.AddSeconds(-30), T0.AddYears(40), T0.AddYears(-30), T0.AddYears(-30), T0.AddTicks(1) };
        var lines = times.Select((time, i) => Line(executionId, $"line {i}", levels[i % levels.Length]) with { Timestamp = time }).ToList();

        await Logs.AppendAsync(lines, Ct);

        Assert.Equal(lines, (await Logs.ReadAsync(executionId, 0, 100, Ct)).Select(l => l with { Sequence = 0 }));
    }

    [Fact]
    public async Task Append_RoundTripsEmptyAndMultiByteLines()
    {
        var executionId = NewId("ex");
        string[] messages = ["", "é", "", "日本語のログ", "🚀🚀", "tab\tand\r\nnewline", "nul\0inside", new string('ü', 200), "Zoë " + new string('x', 20_000), ""];

        await Logs.AppendAsync([.. messages.Select(m => Line(executionId, m))], Ct);

        Assert.Equal(messages, (await Logs.ReadAsync(executionId, 0, 100, Ct)).Select(l => l.Message));
    }

    [Fact]
    public async Task Append_StoresAFiveMegabyteLine_WholeAndBetweenShortOnes()
    {
        var executionId = NewId("ex");
        var huge = string.Concat(Enumerable.Repeat("0123456789abcdé✓🚀", 5 * 1024 * 1024 / 24));
        var appended = await Logs.AppendAsync([Line(executionId, "before"), Line(executionId, huge), Line(executionId, "after")], Ct);

        var read = await Logs.ReadAsync(executionId, 0, 100, Ct);

        Assert.Equal(["before", "huge", "after"], read.Select(l => l.Message == huge ? "huge" : l.Message));
        Assert.Equal(appended.Select(l => l.Sequence), read.Select(l => l.Sequence));
        Assert.Equal(["after"], (await Logs.ReadAsync(executionId, appended[1].Sequence, 100, Ct)).Select(l => l.Message));
    }

    [Fact]
    public async Task Append_ManyLongLinesInOneBatch_ReadBackInOrder_PageByPage()
    {
        var executionId = NewId("ex");
        var batch = Enumerable.Range(0, 400).Select(i => Line(executionId, $"{i:D3} " + new string((char)('a' + (i % 26)), 10_000))).ToList();

        var appended = await Logs.AppendAsync(batch, Ct);

        var read = new List<LogEntry>();
        for (var after = 0L; ;)
        {
            var page = await Logs.ReadAsync(executionId, after, 37, Ct);
            if (page.Count == 0)
            {
                break;
            }

            read.AddRange(page);
            after = page[^1].Sequence;
        }

        Assert.Equal(appended, read);
        Assert.Equal(400, await Logs.CountAsync(executionId, Ct));
    }
}
