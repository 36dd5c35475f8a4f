using Harrier.TestKit.Git;

namespace Harrier.Cli.Tests.Git;

/// <summary>
/// The test repositories served by one sshd on 127.0.0.1 that authorises two generated client keys, one
/// without and one with a passphrase. Password logins are offered (and always fail) so a test can see
/// from the server's log whether the client ever sent a secret as a password.
/// </summary>
public sealed class SshServerFixture : IAsyncLifetime
{
    public const string Passphrase = "Kx-passphrase-71c0d2";

    private readonly string _keys = Directory.CreateTempSubdirectory("harrier-ssh-").FullName;

    public GitRepositories Repos { get; } = new();

    public SshGitServer Server { get; private set; } = null!;

    public string PlainKey { get; private set; } = "";

    public string ProtectedKey { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var (plain, plainPublic) = SshGitServer.GenerateClientKey(Path.Combine(_keys, "client"), "plain");
        var (protectedKey, protectedPublic) = SshGitServer.GenerateClientKey(Path.Combine(_keys, "client"), "protected", Passphrase);
        (PlainKey, ProtectedKey) = (plain, protectedKey);
        Server = await SshGitServer.StartAsync(Path.Combine(_keys, "server"), [plainPublic, protectedPublic], allowPasswords: true);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Repos.Dispose();
        Directory.Delete(_keys, recursive: true);
    }
}
