using System.Diagnostics;
using System.Net;
using System.Text;
using Harrier.Server.Tests.Support;

namespace Harrier.Server.Tests.Namespaces;

/// <summary>Kestra's KV API: typed values, replacement, expiry (410), deletion, listing, and refused keys and values.</summary>
public sealed class KeyValueTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Http => fixture.Http;

    private async Task PutAsync(string ns, string key, string body, string? ttl = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"namespaces/{ns}/kv/{key}") { Content = new StringContent(body, Encoding.UTF8, contentType) };
        if (ttl is not null)
        {
            request.Headers.Add("ttl", ttl);
        }

        using var response = await Http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"PUT {key}={body}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Theory]
    [InlineData("\"hello\"", "STRING", "\"hello\"")]
    [InlineData("hello", "STRING", "\"hello\"")]
    [InlineData("42", "NUMBER", "42")]
    [InlineData("2.5", "NUMBER", "2.5")]
    [InlineData("true", "BOOLEAN", "true")]
    [InlineData("{\"a\":[1,\"x\"]}", "JSON", "{\"a\":[1,\"x\"]}")]
    [InlineData("2026-03-14T09:26:53Z", "DATETIME", "\"2026-03-14T09:26:53.0000000Z\"")]
    [InlineData("2026-03-14", "DATE", "\"2026-03-14\"")]
    [InlineData("PT5M", "DURATION", "\"PT5M\"")]
    public async Task Put_ThenGet_ReturnsTheValueWithItsKestraType(string body, string type, string value)
    {
        var ns = ApiCalls.UniqueNamespace();
        await PutAsync(ns, "key", body, contentType: "text/plain");

        var typed = await Http.GetJsonAsync($"namespaces/{ns}/kv/key");

        Assert.Equal((type, value), (typed["type"]!.GetValue<string>(), typed["value"]!.Json()));
    }

    [Fact]
    public async Task List_ShowsKeysWithDates_Delete_SaysWhetherThereWasOne()
    {
        var ns = ApiCalls.UniqueNamespace();
        await PutAsync(ns, "b", "1");
        await PutAsync(ns, "a", "2");

        var keys = await Http.GetArrayAsync($"namespaces/{ns}/kv");
        using var deleted = await Http.DeleteAsync($"namespaces/{ns}/kv/a");
        using var again = await Http.DeleteAsync($"namespaces/{ns}/kv/a");
        using var missing = await Http.GetAsync($"namespaces/{ns}/kv/a");

        Assert.Equal(["a", "b"], keys.Select(k => k!["key"]!.GetValue<string>()));
        Assert.NotNull(keys[0]!["creationDate"]);
        Assert.Equal(("true", "false"), (await deleted.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task AValueWithATtl_Returns410OnceExpired_AndLeavesTheList()
    {
        var ns = ApiCalls.UniqueNamespace();
        await PutAsync(ns, "short", "\"soon gone\"", ttl: "PT0.3S");

        var clock = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            using var response = await Http.GetAsync($"namespaces/{ns}/kv/short");
            status = response.StatusCode;
        }
        while (status == HttpStatusCode.OK && clock.Elapsed < TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.Gone, status);
        Assert.Empty(await Http.GetArrayAsync($"namespaces/{ns}/kv"));
    }

    [Fact]
    public async Task BadKeysTtlsAndValues_Are422_AndStoreNothing()
    {
        var ns = ApiCalls.UniqueNamespace();
        using var key = await Http.PutAsync($"namespaces/{ns}/kv/{Uri.EscapeDataString("bad key!")}", new StringContent("1"));
        using var value = await Http.PutAsync($"namespaces/{ns}/kv/k", new StringContent("not json { at all"));
        using var ttl = new HttpRequestMessage(HttpMethod.Put, $"namespaces/{ns}/kv/k") { Content = new StringContent("1") };
        ttl.Headers.Add("ttl", "tomorrow");
        using var ttlResponse = await Http.SendAsync(ttl);

        Assert.Equal((HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity), (key.StatusCode, value.StatusCode, ttlResponse.StatusCode));
        Assert.Empty(await Http.GetArrayAsync($"namespaces/{ns}/kv"));
    }
}
