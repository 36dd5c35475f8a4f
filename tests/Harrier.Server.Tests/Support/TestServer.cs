using System.Net.Http.Headers;
using Harrier.Server.Configuration;
using Harrier.Server.Hosting;
using Harrier.TestKit.Support;

namespace Harrier.Server.Tests.Support;

/// <summary>
/// A real Harrier server in this process: Kestrel on a free port of 127.0.0.1, SQLite in a fresh data directory, the
/// engine with two worker slots. <see cref="Http"/> talks to it over real HTTP with the tenant prefix as base address.
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly TempDirectory _directory;

    private TestServer(TempDirectory directory, HarrierServer server, HttpClient http)
    {
        _directory = directory;
        Server = server;
        Http = http;
    }

    public HarrierServer Server { get; }

    /// <summary>Base address <c>http://127.0.0.1:PORT/api/v1/main/</c>; a 60 s timeout, so no request hangs a test.</summary>
    public HttpClient Http { get; }

    /// <summary>The server's root (for /health, /metrics, /openapi, tenant-less paths).</summary>
    public Uri Root => Server.Address;

    public string DataDirectory => Server.Options.DataDirectory;

    public string TempPath => _directory.Path;

    public static async Task<TestServer> StartAsync(Func<ServerOptions, ServerOptions>? configure = null)
    {
        var directory = new TempDirectory("harrier-server-test-");
        var options = new ServerOptions { Port = 0, DataDirectory = Path.Combine(directory.Path, "data"), Workers = 2, TerminationGracePeriod = TimeSpan.Zero };
        options = configure?.Invoke(options) ?? options;
        var server = await HarrierServer.StartAsync(options, logs: null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        var http = new HttpClient { BaseAddress = new Uri(server.Address, "/api/v1/main/"), Timeout = TimeSpan.FromSeconds(60) };
        if (options.BasicAuth is { } auth)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{auth.Username}:{auth.Password}")));
        }

        return new TestServer(directory, server, http);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        _directory.Dispose();
    }
}
