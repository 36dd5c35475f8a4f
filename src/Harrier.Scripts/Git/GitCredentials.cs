using System.Text;
using Harrier.Core.Engine;

namespace Harrier.Scripts.Git;

/// <summary>
/// The environment that gives git its credentials without putting them in argv, files in the working
/// directory, or logs: HTTP basic auth as an extra header through GIT_CONFIG_* variables, SSH keys in a
/// private temporary folder (0600) with an askpass helper for the passphrase. Disposing deletes the folder.
/// </summary>
internal sealed class GitCredentials : IDisposable
{
    private readonly string? _secretDirectory;

    private GitCredentials(Dictionary<string, string> environment, string? secretDirectory)
    {
        Environment = environment;
        _secretDirectory = secretDirectory;
    }

    public IReadOnlyDictionary<string, string> Environment { get; }

    public static GitCredentials Create(GitCloneSettings settings, string tempRoot)
    {
        var config = new List<(string Key, string Value)>();
        if (settings.Username is { Length: > 0 } user && settings.Password is { } password)
        {
            config.Add(("http.extraHeader", "Authorization: Basic " + GitProcess.Base64($"{user}:{password}")));
        }

        if (settings.TrustedCaPemPath is { Length: > 0 } ca)
        {
            config.Add(("http.sslCAInfo", ca));
        }

        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["GIT_CONFIG_COUNT"] = config.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        for (var i = 0; i < config.Count; i++)
        {
            environment[$"GIT_CONFIG_KEY_{i}"] = config[i].Key;
            environment[$"GIT_CONFIG_VALUE_{i}"] = config[i].Value;
        }

        string? secretDirectory = null;
        if (settings.PrivateKey is { Length: > 0 } key)
        {
            if (OperatingSystem.IsWindows())
            {
                throw new Core.Tasks.Running.TaskFailedException("privateKey needs a Linux or macOS worker (the key file must be private to the worker's user)");
            }

            secretDirectory = Path.Combine(tempRoot, "git-" + Ids.New(10));
            Directory.CreateDirectory(secretDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var keyFile = WritePrivate(secretDirectory, "id", key.TrimEnd() + "\n", UnixFileMode.UserRead | UnixFileMode.UserWrite);
            var knownHosts = Path.Combine(secretDirectory, "known_hosts");
            // Public key only: otherwise ssh asks the askpass helper for a password when the key is refused, and the
            // helper answers with the passphrase, which would then be sent to the server as the account's password.
            var batch = settings.Passphrase is { Length: > 0 } ? "no" : "yes";
            environment["GIT_SSH_COMMAND"] = $"ssh -i '{keyFile}' -o IdentitiesOnly=yes -o PreferredAuthentications=publickey -o PasswordAuthentication=no -o KbdInteractiveAuthentication=no -o BatchMode={batch} -o StrictHostKeyChecking=accept-new -o UserKnownHostsFile='{knownHosts}'";
            if (settings.Passphrase is { Length: > 0 } passphrase)
            {
                var askpass = WritePrivate(secretDirectory, "askpass", "#!/bin/sh\nprintf '%s\\n' \"$HARRIER_GIT_PASSPHRASE\"\n", UnixFileMode.UserRead | UnixFileMode.UserExecute);
                environment["SSH_ASKPASS"] = askpass;
                environment["SSH_ASKPASS_REQUIRE"] = "force";
                environment["DISPLAY"] = ":0";
                environment["HARRIER_GIT_PASSPHRASE"] = passphrase;
            }
        }

        return new GitCredentials(environment, secretDirectory);
    }

    public void Dispose()
    {
        if (_secretDirectory is not null && Directory.Exists(_secretDirectory))
        {
            Directory.Delete(_secretDirectory, recursive: true);
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static string WritePrivate(string directory, string name, string content, UnixFileMode mode)
    {
        var path = Path.Combine(directory, name);
        using (var stream = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite }))
        {
            stream.Write(Encoding.UTF8.GetBytes(content));
        }

        File.SetUnixFileMode(path, mode);
        return path;
    }
}
