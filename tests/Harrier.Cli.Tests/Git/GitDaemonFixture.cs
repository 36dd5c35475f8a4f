using Harrier.TestKit.Git;

namespace Harrier.Cli.Tests.Git;

/// <summary>The test repositories served by one git daemon on 127.0.0.1 for a test class.</summary>
public sealed class GitDaemonFixture : IAsyncLifetime
{
    public GitRepositories Repos { get; } = new();

    public GitDaemonServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await GitDaemonServer.StartAsync(Repos.Root);

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Repos.Dispose();
    }
}
