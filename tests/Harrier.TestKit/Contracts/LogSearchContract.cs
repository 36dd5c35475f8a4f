using Harrier.Core.Executions;
using Harrier.Core.Logs;
using Harrier.Core.Store;
using Harrier.Core.Store.Search;
using Xunit;
using static Harrier.TestKit.Contracts.ContractData;

namespace Harrier.TestKit.Contracts;

/// <summary>What every <see cref="ILogSearch"/> must do: lines across executions by stream, level, time and text, newest first.</summary>
public abstract class LogSearchContract : ServerSeamsContract
{
    private async Task<Execution> AddAsync(string ns, string flowId, params (string Task, TaskLogLevel Level, string Message, int Second)[] lines)
    {
        var execution = Execution(ns: ns, flowId: flowId);
        await Seams.Engine.Store.CreateExecutionAsync(execution, Ct);
        await Seams.Engine.Logs.AppendAsync([.. lines.Select(l => new LogEntry
        {
            ExecutionId = execution.Id, TaskId = l.Task, TaskRunId = l.Task + "-run", Level = l.Level, Message = l.Message, Timestamp = T0.AddSeconds(l.Second),
        })], Ct);
        return execution;
    }

    private async Task<string[]> MessagesAsync(params SearchFilter[] filters) =>
        [.. (await Seams.LogSearch.SearchAsync(new SearchQuery { Filters = filters, Size = 50 }, Ct)).Results.Select(l => l.Message)];

    [Fact]
    public async Task Search_FindsLinesByExecution_Flow_Task_Level_Time_AndText()
    {
        var first = await AddAsync("company.team", "a", ("t1", TaskLogLevel.Info, "one", 1), ("t1", TaskLogLevel.Debug, "two", 2), ("t2", TaskLogLevel.Error, "THREE", 3));
        await AddAsync("company.other", "b", ("t1", TaskLogLevel.Warn, "four", 4));

        Assert.Equal(["four", "THREE", "two", "one"], await MessagesAsync());
        Assert.Equal(["THREE", "two", "one"], await MessagesAsync(new SearchFilter("executionId", FilterOperation.EqualTo, first.Id)));
        Assert.Equal(["four"], await MessagesAsync(new SearchFilter("namespace", FilterOperation.EqualTo, "company.other")));
        Assert.Equal(["THREE", "two", "one"], await MessagesAsync(new SearchFilter("flowId", FilterOperation.EqualTo, "a")));
        Assert.Equal(["four", "two", "one"], await MessagesAsync(new SearchFilter("taskId", FilterOperation.EqualTo, "t1")));
        Assert.Equal(["four", "THREE", "one"], await MessagesAsync(new SearchFilter("level", FilterOperation.EqualTo, "INFO")));
        Assert.Equal(["THREE", "two"], await MessagesAsync(
            new SearchFilter("startDate", FilterOperation.GreaterThanOrEqualTo, T0.AddSeconds(2).ToString("O")),
            new SearchFilter("endDate", FilterOperation.LessThanOrEqualTo, T0.AddSeconds(3).ToString("O"))));
        Assert.Equal(["THREE"], await MessagesAsync(new SearchFilter("q", FilterOperation.Contains, "three")));
    }

    [Fact]
    public async Task Search_PagesWithAnExactTotal_AndSortsOldestFirstWhenAsked()
    {
        await AddAsync("company.team", "a", [.. Enumerable.Range(1, 25).Select(i => ("t", TaskLogLevel.Info, $"line {i}", i))]);

        var page = await Seams.LogSearch.SearchAsync(new SearchQuery { Page = 2, Size = 10 }, Ct);
        var oldest = await Seams.LogSearch.SearchAsync(new SearchQuery { Size = 2, Sort = [new SortOrder("timestamp", false)] }, Ct);

        Assert.Equal((25L, "line 15", "line 6"), (page.Total, page.Results[0].Message, page.Results[^1].Message));
        Assert.Equal(["line 1", "line 2"], oldest.Results.Select(l => l.Message));
        await Assert.ThrowsAsync<SearchFieldException>(() => Seams.LogSearch.SearchAsync(new SearchQuery { Filters = [new SearchFilter("thread", FilterOperation.EqualTo, "x")] }, Ct));
    }
}
