using Harrier.TestKit.Git;

namespace Harrier.Cli.Tests.Git;

/// <summary>The test repositories behind one smart HTTP server on 127.0.0.1 that requires Basic credentials.</summary>
public sealed class GitHttpFixture : IAsyncLifetime
{
    public const string User = "harrier-user";

    /// <summary>Distinctive, so a leak is found by a plain substring search in every output.</summary>
    public const string Password = "Pa55-w0rd-9f3c1e7b";

    public GitRepositories Repos { get; } = new();

    public GitHttpServer Server { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Server = GitHttpServer.Start(Repos.Root, User, Password);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Repos.Dispose();
    }
}
