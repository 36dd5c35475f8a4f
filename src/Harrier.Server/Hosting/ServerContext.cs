using Harrier.Server.Configuration;

namespace Harrier.Server.Hosting;

/// <summary>What endpoints need of the running server beyond the engine: its settings, its address, and its shutdown.</summary>
public sealed class ServerContext(ServerOptions options, TimeProvider time) : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    public ServerOptions Options { get; } = options;

    public TimeProvider Time { get; } = time;

    /// <summary>This instance's id (Kestra's <c>uuid</c>), kept in the data directory so it survives restarts.</summary>
    public string InstanceId { get; set; } = "";

    /// <summary>Set once Kestrel listens: the URL executions link to (<c>server.url</c>, else the listen address).</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>How often a follower (SSE, <c>?wait=true</c>) re-reads an execution when no end was signalled.</summary>
    public TimeSpan FollowPollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Cancelled when the server starts draining: long requests answer with what they have and end.</summary>
    public CancellationToken Stopping => _stopping.Token;

    public void BeginStopping() => _stopping.Cancel();

    public void Dispose() => _stopping.Dispose();

    /// <summary>Where an execution is shown (Kestra's ExecutionResponse.url).</summary>
    public string ExecutionUrl(string ns, string flowId, string executionId) => $"{BaseUrl}/ui/executions/{ns}/{flowId}/{executionId}";
}
