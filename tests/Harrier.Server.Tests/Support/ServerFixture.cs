namespace Harrier.Server.Tests.Support;

/// <summary>One real server shared by the tests of a class (each test works in namespaces of its own).</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private TestServer? _server;

    public TestServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public HttpClient Http => Server.Http;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
