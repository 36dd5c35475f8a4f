using System.Text;
using System.Text.Json;
using Harrier.Cli.Tests.Flows;

namespace Harrier.Cli.Tests.Running;

/// <summary>SECRET inputs are encrypted at rest (spec §11.2): tasks read them in clear, nothing stored or printed holds them.</summary>
public sealed class SecretInputsAtRestTests : IDisposable
{
    private const string Secret = "hunter2-at-rest-7f3a";
    private readonly string _directory = Directory.CreateTempSubdirectory("harrier-secret-rest-").FullName;

    private string DataDirectory => Path.Combine(_directory, "data");

    [Fact]
    public void SecretInput_ReachesTheTaskInClear_ButIsNeitherStoredNorPrintedInClear()
    {
        var run = Run();

        Assert.Equal(0, run.ExitCode);
        var execution = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal("SUCCESS", execution.GetProperty("state").GetString());
        Assert.Equal("******", execution.GetProperty("inputs").GetProperty("db").GetProperty("password").GetString());
        Assert.Equal("plain-user", execution.GetProperty("inputs").GetProperty("db").GetProperty("user").GetString());
        Assert.DoesNotContain(Secret, run.Output + run.Error, StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(DataDirectory, "*", SearchOption.AllDirectories))
        {
            Assert.False(Contains(File.ReadAllBytes(file), Secret), $"{file} holds the SECRET input in clear.");
        }
    }

    [Fact]
    public void ExecutionsShow_MasksTheSecretInput()
    {
        var run = Run();
        var id = JsonDocument.Parse(run.Output).RootElement.GetProperty("id").GetString()!;

        var show = CliRun.Of("executions", "show", id, "--json", "--data-dir", DataDirectory);

        Assert.Equal(0, show.ExitCode);
        Assert.Equal("******", JsonDocument.Parse(show.Output).RootElement.GetProperty("inputs").GetProperty("db").GetProperty("password").GetString());
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void KeyFile_IsReadableByItsOwnerOnly()
    {
        Run();

        var mode = File.GetUnixFileMode(Path.Combine(DataDirectory, "secret-inputs.key"));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
    }

    private CliRun Run()
    {
        var flow = Path.Combine(_directory, "secret.yml");
        File.WriteAllText(flow, $$$"""
            id: secret
            namespace: tests.secrets
            inputs:
              - id: db.user
                type: STRING
              - id: db.password
                type: SECRET
            tasks:
              - id: check
                type: io.kestra.plugin.scripts.shell.Commands
                env:
                  PW: "{{ inputs.db.password }}"
                commands:
                  - test "$(printf %s "$PW" | sha256sum | cut -c1-64)" = "{{{SecretSha256}}}"
            """);
        return CliRun.Of("run", flow, "--input", "db.user=plain-user", "--input", $"db.password={Secret}", "--json", "--logs", "--data-dir", DataDirectory);
    }

    // The flow compares a digest: the secret itself in the flow's source would be stored with the execution.
    private static string SecretSha256 => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(Secret)));

    private static bool Contains(byte[] haystack, string needle) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0;

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
