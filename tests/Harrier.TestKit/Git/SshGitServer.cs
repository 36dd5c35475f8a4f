using System.Globalization;

namespace Harrier.TestKit.Git;

/// <summary>
/// OpenSSH's sshd on 127.0.0.1 and a free port, with its own host key and config (public key auth only by
/// default), serving git over <c>ssh://USER@127.0.0.1:PORT/ABSOLUTE/PATH</c> for the current user. Client
/// keys are generated with ssh-keygen (with or without passphrase) and authorised. Stopped by PID on dispose.
/// </summary>
public sealed class SshGitServer : IAsyncDisposable
{
    public const string Sshd = "/usr/sbin/sshd";

    private readonly ServerProcess _process;

    private SshGitServer(ServerProcess process, int port, string directory)
    {
        _process = process;
        Port = port;
        Directory = directory;
    }

    public int Port { get; }

    /// <summary>The server's private folder (keys, config, authorized_keys).</summary>
    public string Directory { get; }

    /// <summary>What sshd logged (LogLevel INFO): failed authentications among others.</summary>
    public string Log => _process.Output;

    public static string User => Environment.UserName;

    public string Url(string absoluteRepositoryPath) => $"ssh://{User}@127.0.0.1:{Port}{absoluteRepositoryPath}";

    /// <summary>
    /// Starts sshd authorising <paramref name="clientKeys"/> (OpenSSH public keys). With
    /// <paramref name="allowPasswords"/>, password logins are offered too (they can only fail: no password is set),
    /// which lets a test see whether a client ever sends one.
    /// </summary>
    public static async Task<SshGitServer> StartAsync(string directory, IEnumerable<string> clientKeys, bool allowPasswords = false, CancellationToken cancellationToken = default)
    {
        ExternalTool.Require(Sshd);
        var keygen = ExternalTool.Require("ssh-keygen");
        ExternalTool.Require("git-upload-pack");
        System.IO.Directory.CreateDirectory(directory);
        // sshd refuses to start without its privilege separation directory (normally made by the init script).
        System.IO.Directory.CreateDirectory("/run/sshd");
        var hostKey = Path.Combine(directory, "host_ed25519");
        if (!File.Exists(hostKey))
        {
            ExternalTool.Run(keygen, directory, "-q", "-t", "ed25519", "-N", "", "-f", hostKey);
        }

        var authorizedKeys = Path.Combine(directory, "authorized_keys");
        File.WriteAllLines(authorizedKeys, clientKeys);
        var failures = new List<string>();
        for (var tries = 0; tries < 5; tries++)
        {
            var port = LoopbackPort.Free();
            var config = Path.Combine(directory, "sshd_config");
            File.WriteAllText(config, string.Join('\n',
                "ListenAddress 127.0.0.1",
                $"Port {port.ToString(CultureInfo.InvariantCulture)}",
                $"HostKey {hostKey}",
                "PidFile none",
                $"AuthorizedKeysFile {authorizedKeys}",
                "PubkeyAuthentication yes",
                $"PasswordAuthentication {(allowPasswords ? "yes" : "no")}",
                "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password",
                "UsePAM no",
                "StrictModes no",
                "LogLevel INFO",
                "") + "\n");
            var process = ServerProcess.Start(Sshd, ["-D", "-e", "-f", config]);
            if (await LoopbackPort.WaitUntilAcceptingAsync(port, process.Process, TimeSpan.FromSeconds(15), cancellationToken).ConfigureAwait(false))
            {
                return new SshGitServer(process, port, directory);
            }

            failures.Add(process.Output);
            process.Dispose();
        }

        throw new InvalidOperationException($"sshd did not start on 127.0.0.1: {string.Join(" | ", failures)}");
    }

    /// <summary>Generates an ed25519 client key pair; returns (private key PEM text, public key line).</summary>
    public static (string PrivateKey, string PublicKey) GenerateClientKey(string directory, string name, string passphrase = "")
    {
        System.IO.Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        ExternalTool.Run(ExternalTool.Require("ssh-keygen"), directory, "-q", "-t", "ed25519", "-N", passphrase, "-C", name, "-f", path);
        return (File.ReadAllText(path), File.ReadAllText(path + ".pub").Trim());
    }

    public ValueTask DisposeAsync()
    {
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
