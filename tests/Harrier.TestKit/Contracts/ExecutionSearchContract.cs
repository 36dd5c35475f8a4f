using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Store;
using Harrier.Core.Store.Search;
using Xunit;
using static Harrier.TestKit.Contracts.ContractData;

namespace Harrier.TestKit.Contracts;

/// <summary>What every <see cref="IExecutionSearch"/> must do: filters that AND, label and date conditions, sorts, pages, counts.</summary>
public abstract class ExecutionSearchContract : ServerSeamsContract
{
    private IExecutionSearch Search => Seams.ExecutionSearch;

    private async Task<Execution> AddAsync(string flowId, State state, int minutes, string ns = "company.team", params FlowLabel[] labels)
    {
        var execution = Execution(ns: ns, flowId: flowId, createdAt: T0.AddMinutes(minutes)) with
        {
            State = state,
            Labels = labels,
            EndDate = state.IsTerminal() ? T0.AddMinutes(minutes + 1) : null,
        };
        await Seams.Engine.Store.CreateExecutionAsync(execution, Ct);
        return execution;
    }

    private async Task<string[]> FlowIdsAsync(params SearchFilter[] filters) =>
        [.. (await Search.SearchAsync(new SearchQuery { Filters = filters, Size = 50 }, Ct)).Results.Select(e => e.FlowId)];

    [Fact]
    public async Task Search_ReturnsNewestFirst_WithTheTotal_APageAtATime()
    {
        await AddAsync("a", State.Success, 1);
        await AddAsync("b", State.Failed, 2);
        await AddAsync("c", State.Running, 3);

        var first = await Search.SearchAsync(new SearchQuery { Size = 2 }, Ct);
        var second = await Search.SearchAsync(new SearchQuery { Size = 2, Page = 2 }, Ct);

        Assert.Equal((3L, 3L), (first.Total, second.Total));
        Assert.Equal(["c", "b"], first.Results.Select(e => e.FlowId));
        Assert.Equal(["a"], second.Results.Select(e => e.FlowId));
        Assert.Equal("", first.Results[0].FlowSource);
    }

    [Fact]
    public async Task Search_FiltersByNamespace_Flow_State_Dates_AndLabels_AllTogether()
    {
        await AddAsync("a", State.Success, 1, labels: new FlowLabel("env", "prod"));
        await AddAsync("b", State.Failed, 2, labels: new FlowLabel("env", "dev"));
        await AddAsync("c", State.Running, 3, ns: "company.team.sub");
        await AddAsync("d", State.Success, 4, ns: "other");

        Assert.Equal(["c", "b", "a"], await FlowIdsAsync(new SearchFilter("namespace", FilterOperation.Prefix, "company.team")));
        Assert.Equal(["b"], await FlowIdsAsync(new SearchFilter("flowId", FilterOperation.EqualTo, "b")));
        Assert.Equal(["d", "b", "a"], await FlowIdsAsync(new SearchFilter("state", FilterOperation.In, ["SUCCESS", "FAILED"])));
        Assert.Equal(["c", "b"], await FlowIdsAsync(
            new SearchFilter("startDate", FilterOperation.GreaterThanOrEqualTo, T0.AddMinutes(2).ToString("O")),
            new SearchFilter("startDate", FilterOperation.LessThan, T0.AddMinutes(4).UtcDateTime.ToString("O"))));
        Assert.Equal(["a"], await FlowIdsAsync(new SearchFilter("endDate", FilterOperation.LessThanOrEqualTo, T0.AddMinutes(2).ToString("O"))));
        Assert.Equal(["a"], await FlowIdsAsync(new SearchFilter("labels", FilterOperation.EqualTo, "env:prod")));
        Assert.Equal(["b"], await FlowIdsAsync(
            new SearchFilter("labels", FilterOperation.EqualTo, "dev") { Key = "env" },
            new SearchFilter("state", FilterOperation.EqualTo, "FAILED")));
        Assert.Empty(await FlowIdsAsync(new SearchFilter("labels", FilterOperation.EqualTo, "env:prod"), new SearchFilter("flowId", FilterOperation.EqualTo, "b")));
    }

    [Fact]
    public async Task Search_SortsOnTheFieldsAsked_AndRefusesOthers()
    {
        await AddAsync("b", State.Success, 1);
        await AddAsync("a", State.Success, 2);
        await AddAsync("c", State.Success, 3);

        var byFlow = await Search.SearchAsync(new SearchQuery { Sort = [new SortOrder("flowId", false)] }, Ct);
        var oldest = await Search.SearchAsync(new SearchQuery { Sort = [new SortOrder("startDate", false)] }, Ct);

        Assert.Equal(["a", "b", "c"], byFlow.Results.Select(e => e.FlowId));
        Assert.Equal(["b", "a", "c"], oldest.Results.Select(e => e.FlowId));
        await Assert.ThrowsAsync<SearchFieldException>(() => Search.SearchAsync(new SearchQuery { Sort = [new SortOrder("inputs", false)] }, Ct));
        await Assert.ThrowsAsync<SearchFieldException>(() => Search.SearchAsync(new SearchQuery { Filters = [new SearchFilter("startDate", FilterOperation.EqualTo, "yesterday")] }, Ct));
    }

    [Fact]
    public async Task CountByState_CountsEveryExecution()
    {
        await AddAsync("a", State.Success, 1);
        await AddAsync("b", State.Success, 2);
        await AddAsync("c", State.Failed, 3);

        var counts = await Search.CountByStateAsync(Ct);

        Assert.Equal(2, counts[State.Success]);
        Assert.Equal(1, counts[State.Failed]);
        Assert.False(counts.ContainsKey(State.Running));
    }
}
