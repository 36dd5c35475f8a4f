using Harrier.Core.Store.KeyValues;
using Xunit;
using static Harrier.TestKit.Contracts.ContractData;

namespace Harrier.TestKit.Contracts;

/// <summary>What every <see cref="IKeyValueStore"/> must do: typed values per namespace, replaced in place, expiring.</summary>
public abstract class KeyValueStoreContract : ServerSeamsContract
{
    private IKeyValueStore Kv => Seams.KeyValues;

    [Fact]
    public async Task Put_ThenGet_ReturnsTheTypedValue_AndAReplacementKeepsTheCreationDate()
    {
        await Kv.PutAsync(new KeyValuePut("company.team", "answer", "NUMBER", 42L) { Description = "the answer" }, Ct);
        Time.Advance(TimeSpan.FromMinutes(5));
        var nested = new Dictionary<string, object?> { ["list"] = new List<object?> { 1L, "two", null }, ["ok"] = true };
        await Kv.PutAsync(new KeyValuePut("company.team", "answer", "JSON", nested), Ct);

        var entry = await Kv.GetAsync("company.team", "answer", Ct);

        Assert.Equal(("JSON", null, T0, T0.AddMinutes(5), (DateTimeOffset?)null), (entry!.Type, entry.Description, entry.Created, entry.Updated, entry.Expires));
        PlainAssert.Equal(nested, entry.Value);
        Assert.Null(await Kv.GetAsync("company.other", "answer", Ct));
    }

    [Fact]
    public async Task Ttl_MakesThePairExpire_GetStillReturnsIt_ListLeavesItOut()
    {
        await Kv.PutAsync(new KeyValuePut("company.team", "short", "STRING", "soon gone") { Ttl = TimeSpan.FromMinutes(1) }, Ct);
        await Kv.PutAsync(new KeyValuePut("company.team", "long", "STRING", "stays"), Ct);

        Assert.Equal(["long", "short"], (await Kv.ListAsync("company.team", Ct)).Select(e => e.Key));
        Time.Advance(TimeSpan.FromMinutes(2));

        var expired = await Kv.GetAsync("company.team", "short", Ct);
        Assert.Equal(T0.AddMinutes(1), expired!.Expires);
        Assert.True(expired.IsExpiredAt(Time.GetUtcNow()));
        Assert.Equal(["long"], (await Kv.ListAsync("company.team", Ct)).Select(e => e.Key));
    }

    [Fact]
    public async Task Delete_SaysWhetherThereWasAKey()
    {
        await Kv.PutAsync(new KeyValuePut("company.team", "k", "BOOLEAN", true), Ct);

        Assert.True(await Kv.DeleteAsync("company.team", "k", Ct));
        Assert.False(await Kv.DeleteAsync("company.team", "k", Ct));
        Assert.Null(await Kv.GetAsync("company.team", "k", Ct));
    }
}
