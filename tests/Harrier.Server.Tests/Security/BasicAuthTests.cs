using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Harrier.Server.Configuration;
using Harrier.Server.Tests.Support;

namespace Harrier.Server.Tests.Security;

/// <summary>Basic authentication from the configuration: 401 without the right credentials, /health open for probes.</summary>
public sealed class BasicAuthTests
{
    private static AuthenticationHeaderValue Basic(string user, string password) => new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    [Fact]
    public async Task Requests_WithoutOrWithWrongCredentials_Get401_WithTheRightOnes_Pass_AndHealthIsOpen()
    {
        await using var server = await TestServer.StartAsync(o => o with { BasicAuth = new BasicAuthOptions("admin", "s3cret-pass") });
        using var anonymous = new HttpClient { BaseAddress = server.Http.BaseAddress };

        using var none = await anonymous.GetAsync("flows/search");
        using var wrong = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Get, "flows/search") { Headers = { Authorization = Basic("admin", "s3cret-pasS") } });
        using var garbage = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Get, "flows/search") { Headers = { Authorization = new AuthenticationHeaderValue("Basic", "%%%") } });
        using var health = await anonymous.GetAsync("/health");
        using var right = await server.Http.GetAsync("flows/search");

        var (message, _) = (await none.JsonAsync(HttpStatusCode.Unauthorized)).Error();
        Assert.Contains("basic authentication", message, StringComparison.Ordinal);
        Assert.Equal("Basic", none.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (wrong.StatusCode, garbage.StatusCode));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (health.StatusCode, right.StatusCode));
        Assert.True((await server.Http.GetJsonAsync("/api/v1/configs"))["isBasicAuthInitialized"]!.GetValue<bool>());
    }

    [Fact]
    public void ListeningBeyondLoopback_WithoutAuth_IsRefused_UnlessAllowedExplicitly()
    {
        var refused = Assert.Throws<ServerConfigException>(() => new ServerOptions { Host = "0.0.0.0" }.Validate());

        Assert.Contains("server.basicAuth", refused.Message, StringComparison.Ordinal);
        Assert.Contains("allowRemoteWithoutAuth", refused.Message, StringComparison.Ordinal);
        new ServerOptions { Host = "0.0.0.0", AllowRemoteWithoutAuth = true }.Validate();
        new ServerOptions { Host = "0.0.0.0", BasicAuth = new BasicAuthOptions("a", "b") }.Validate();
        new ServerOptions { Host = "::1" }.Validate();
        new ServerOptions { Host = "localhost" }.Validate();
    }

    [Fact]
    public void OptionsPrinted_NeverShowThePassword()
    {
        var options = new ServerOptions { BasicAuth = new BasicAuthOptions("admin", "s3cret-pass") };

        Assert.DoesNotContain("s3cret-pass", options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pass", options.BasicAuth.ToString(), StringComparison.Ordinal);
    }
}
