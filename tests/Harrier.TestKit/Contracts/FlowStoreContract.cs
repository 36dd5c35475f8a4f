using Harrier.Core.Flows;
using Harrier.Core.Store.Flows;
using Harrier.Core.Store.Search;
using Xunit;
using static Harrier.TestKit.Contracts.ContractData;

namespace Harrier.TestKit.Contracts;

/// <summary>What every <see cref="IFlowStore"/> must do: revisions that only grow, modes that refuse, atomic namespace replacement, searches.</summary>
public abstract class FlowStoreContract : ServerSeamsContract
{
    private IFlowStore Flows => Seams.Flows;

    private static FlowDocument Document(string id, string ns = "company.team", string? body = null, params FlowLabel[] labels) =>
        new(ns, id, body ?? $"id: {id}\nnamespace: {ns}\ntasks: []\n", labels);

    [Fact]
    public async Task Save_CreatesRevisionOne_ThenANewRevisionPerChangedSource_AndNoneForTheSameSource()
    {
        var created = await Flows.SaveAsync(Document("hello"), FlowSaveMode.Create, Ct);
        Time.Advance(TimeSpan.FromMinutes(1));
        var same = await Flows.SaveAsync(Document("hello"), FlowSaveMode.Upsert, Ct);
        var changed = await Flows.SaveAsync(Document("hello", body: "id: hello\nnamespace: company.team\n# v2\ntasks: []\n"), FlowSaveMode.Update, Ct);

        Assert.Equal((FlowSaveStatus.Created, 1, T0), (created.Status, created.Flow!.Revision, created.Flow.Updated));
        Assert.Equal((FlowSaveStatus.Unchanged, 1), (same.Status, same.Flow!.Revision));
        Assert.Equal((FlowSaveStatus.Updated, 2, T0.AddMinutes(1)), (changed.Status, changed.Flow!.Revision, changed.Flow.Updated));
        Assert.Contains("# v2", (await Flows.GetAsync("company.team", "hello", null, false, Ct))!.Source, StringComparison.Ordinal);
        Assert.Equal("id: hello\nnamespace: company.team\ntasks: []\n", (await Flows.GetAsync("company.team", "hello", 1, false, Ct))!.Source);
        Assert.Equal([1, 2], (await Flows.ListRevisionsAsync("company.team", "hello", Ct)).Select(f => f.Revision));
    }

    [Fact]
    public async Task Save_RefusesCreateOfAnExistingFlow_AndUpdateOfAMissingOne_ChangingNothing()
    {
        await Flows.SaveAsync(Document("hello"), FlowSaveMode.Create, Ct);

        var again = await Flows.SaveAsync(Document("hello", body: "id: hello\nnamespace: company.team\n# other\ntasks: []\n"), FlowSaveMode.Create, Ct);
        var missing = await Flows.SaveAsync(Document("nope"), FlowSaveMode.Update, Ct);

        Assert.Equal((FlowSaveStatus.AlreadyExists, 1), (again.Status, again.Flow!.Revision));
        Assert.Equal((FlowSaveStatus.NotFound, null), (missing.Status, missing.Flow));
        Assert.Single(await Flows.ListRevisionsAsync("company.team", "hello", Ct));
        Assert.Null(await Flows.GetAsync("company.team", "nope", null, true, Ct));
    }

    [Fact]
    public async Task Delete_HidesTheFlow_KeepsItsRevisions_AndARecreationContinuesTheNumbers()
    {
        await Flows.SaveAsync(Document("hello"), FlowSaveMode.Create, Ct);

        Assert.True(await Flows.DeleteAsync("company.team", "hello", Ct));
        Assert.False(await Flows.DeleteAsync("company.team", "hello", Ct));
        Assert.Null(await Flows.GetAsync("company.team", "hello", null, false, Ct));
        var deleted = await Flows.GetAsync("company.team", "hello", null, true, Ct);
        Assert.Equal((true, 2), (deleted!.Deleted, deleted.Revision));
        Assert.Equal(0, (await Flows.SearchAsync(new SearchQuery(), Ct)).Total);

        var recreated = await Flows.SaveAsync(Document("hello"), FlowSaveMode.Create, Ct);
        Assert.Equal((FlowSaveStatus.Created, 3), (recreated.Status, recreated.Flow!.Revision));
        Assert.Equal([1, 3], (await Flows.ListRevisionsAsync("company.team", "hello", Ct)).Select(f => f.Revision));
    }

    [Fact]
    public async Task ReplaceNamespace_UpsertsTheGivenFlows_DeletesTheOthers_AndLeavesOtherNamespacesAlone()
    {
        await Flows.SaveAsync(Document("keep"), FlowSaveMode.Create, Ct);
        await Flows.SaveAsync(Document("gone"), FlowSaveMode.Create, Ct);
        await Flows.SaveAsync(Document("elsewhere", ns: "company.other"), FlowSaveMode.Create, Ct);

        var results = await Flows.ReplaceNamespaceAsync("company.team",
            [Document("keep", body: "id: keep\nnamespace: company.team\n# v2\ntasks: []\n"), Document("new")], deleteMissing: true, Ct);

        Assert.Equal([(FlowSaveStatus.Deleted, "gone"), (FlowSaveStatus.Updated, "keep"), (FlowSaveStatus.Created, "new")],
            results.Select(r => (r.Status, r.Flow!.Id)));
        var remaining = await Flows.SearchAsync(new SearchQuery { Size = 50 }, Ct);
        Assert.Equal(["company.other.elsewhere", "company.team.keep", "company.team.new"], remaining.Results.Select(f => $"{f.Namespace}.{f.Id}"));
    }

    [Fact]
    public async Task ReplaceNamespace_WithoutDeletion_KeepsTheOthers_AndRefusesForeignOrDuplicateFlowsBeforeWriting()
    {
        await Flows.SaveAsync(Document("old"), FlowSaveMode.Create, Ct);

        await Assert.ThrowsAsync<ArgumentException>(() => Flows.ReplaceNamespaceAsync("company.team", [Document("a"), Document("b", ns: "company.other")], true, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Flows.ReplaceNamespaceAsync("company.team", [Document("a"), Document("a")], true, Ct));
        Assert.Equal(["old"], (await Flows.SearchAsync(new SearchQuery(), Ct)).Results.Select(f => f.Id));

        await Flows.ReplaceNamespaceAsync("company.team", [Document("a")], deleteMissing: false, Ct);
        Assert.Equal(["a", "old"], (await Flows.SearchAsync(new SearchQuery(), Ct)).Results.Select(f => f.Id));
    }

    [Fact]
    public async Task Search_FiltersByNamespacePrefix_Text_AndLabels_SortsAndPages()
    {
        await Flows.SaveAsync(Document("alpha", labels: new FlowLabel("team", "data")), FlowSaveMode.Create, Ct);
        await Flows.SaveAsync(Document("beta", labels: new FlowLabel("team", "ops")), FlowSaveMode.Create, Ct);
        await Flows.SaveAsync(Document("gamma", ns: "company.team.sub"), FlowSaveMode.Create, Ct);
        await Flows.SaveAsync(Document("delta", ns: "company.teamx"), FlowSaveMode.Create, Ct);

        async Task<string[]> Ids(params SearchFilter[] filters) =>
            [.. (await Flows.SearchAsync(new SearchQuery { Filters = filters, Size = 50 }, Ct)).Results.Select(f => f.Id)];

        Assert.Equal(["alpha", "beta", "gamma"], await Ids(new SearchFilter("namespace", FilterOperation.Prefix, "company.team")));
        Assert.Equal(["alpha", "beta"], await Ids(new SearchFilter("namespace", FilterOperation.EqualTo, "company.team")));
        Assert.Equal(["alpha", "beta", "gamma", "delta"], await Ids(new SearchFilter("namespace", FilterOperation.StartsWith, "company.team")));
        Assert.Equal(["alpha"], await Ids(new SearchFilter("q", FilterOperation.Contains, "LPH")));
        Assert.Equal(["delta"], await Ids(new SearchFilter("q", FilterOperation.Contains, "teamx")));
        Assert.Equal(["alpha"], await Ids(new SearchFilter("labels", FilterOperation.EqualTo, "team:data")));
        Assert.Equal(["beta"], await Ids(new SearchFilter("labels", FilterOperation.EqualTo, "ops") { Key = "team" }));
        Assert.Equal(["beta", "gamma", "delta"], await Ids(new SearchFilter("labels", FilterOperation.NotEqualTo, "team:data")));

        var page = await Flows.SearchAsync(new SearchQuery { Sort = [new SortOrder("id", Descending: true)], Page = 2, Size = 3 }, Ct);
        Assert.Equal(4L, page.Total);
        Assert.Equal(["alpha"], page.Results.Select(f => f.Id));
        Assert.Equal(["company.team", "company.team.sub", "company.teamx"], await Flows.ListNamespacesAsync(Ct));
    }

    [Fact]
    public async Task Search_RefusesUnknownFieldsAndSorts_WithTheirNames()
    {
        var field = await Assert.ThrowsAsync<SearchFieldException>(() => Flows.SearchAsync(new SearchQuery { Filters = [new SearchFilter("color", FilterOperation.EqualTo, "red")] }, Ct));
        var sort = await Assert.ThrowsAsync<SearchFieldException>(() => Flows.SearchAsync(new SearchQuery { Sort = [new SortOrder("color", false)] }, Ct));

        Assert.Contains("'color'", field.Message, StringComparison.Ordinal);
        Assert.Contains("'color'", sort.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sources_AreKeptByteForByte()
    {
        const string source = "# a comment\nid: hello   \nnamespace: company.team\r\ntasks: [] # Zoë 🚀\n";
        await Flows.SaveAsync(Document("hello", body: source), FlowSaveMode.Create, Ct);

        Assert.Equal(source, (await Flows.GetAsync("company.team", "hello", null, false, Ct))!.Source);
    }
}
