using System.Net;
using System.Text;
using Harrier.Server.Tests.Support;

namespace Harrier.Server.Tests.Security;

/// <summary>Oversized bodies, malformed parameters, binary flows: Kestra-shaped errors, no stack trace, nothing stored.</summary>
public sealed class BadInputTests
{
    [Fact]
    public async Task ABodyLargerThanTheLimit_Gets413_AndNothingIsStored()
    {
        await using var server = await TestServer.StartAsync(o => o with { MaxRequestBodySize = 64 * 1024 });
        var ns = ApiCalls.UniqueNamespace();
        var huge = TestFlows.OneLog(ns) + "\n# " + new string('x', 128 * 1024) + "\n";

        using var response = await server.Http.PostFlowAsync(huge);

        var (message, _) = (await response.JsonAsync(HttpStatusCode.RequestEntityTooLarge)).Error();
        Assert.Contains("maxRequestBodySize", message, StringComparison.Ordinal);
        Assert.Equal(0, (await server.Http.GetJsonAsync($"flows/search?namespace={ns}"))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task MalformedParameters_BinaryBodies_AndUnknownStates_GetClearErrors_WithoutStackTraces()
    {
        await using var server = await TestServer.StartAsync();
        using var page = await server.Http.GetAsync("flows/search?page=abc");
        using var binary = await server.Http.PostAsync("flows", new ByteArrayContent([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe]));
        using var revision = await server.Http.GetAsync("flows/a/b?revision=latest");

        foreach (var response in new[] { page, binary, revision })
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{response.RequestMessage!.RequestUri}: {(int)response.StatusCode} {text}");
            Assert.StartsWith("{\"message\":", text, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NonUtf8Yaml_Gets422()
    {
        await using var server = await TestServer.StartAsync();

        using var response = await server.Http.PostAsync("flows", new ByteArrayContent(Encoding.Latin1.GetBytes("id: caf\u00e9\nnamespace: a\ntasks: []\n")));

        Assert.Contains("UTF-8", (await response.JsonAsync(HttpStatusCode.UnprocessableEntity)).Error().Message, StringComparison.Ordinal);
    }
}
