using System.Text;
using System.Text.Json;
using Harrier.Cli.Tests.Flows;

namespace Harrier.Cli.Tests.Running;

/// <summary>Secrets a task is given (SECRET inputs, <c>secret('…')</c>) never reach the stored logs, even when a script prints them.</summary>
public sealed class SecretMaskingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("harrier-secrets-").FullName;

    [Fact]
    public void ScriptPrintingSecrets_LogsThemMasked()
    {
        var name = "HARRIERMASK" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        Environment.SetEnvironmentVariable("SECRET_" + name, Convert.ToBase64String(Encoding.UTF8.GetBytes("token-from-env-42")));
        var flow = Path.Combine(_directory, "secrets.yml");
        File.WriteAllText(flow, $$$"""
            id: secrets
            namespace: tests.secrets
            inputs:
              - id: password
                type: SECRET
            tasks:
              - id: leak
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - echo "input is {{ inputs.password }}"
                  - echo "secret is {{ secret('{{{name}}}') }}" >&2
            """);

        var run = CliRun.Of("run", flow, "--input", "password=hunter2-very-secret", "--json", "--logs", "--data-dir", Path.Combine(_directory, "data"));

        Assert.Equal(0, run.ExitCode);
        var messages = JsonDocument.Parse(run.Output).RootElement.GetProperty("logs").EnumerateArray()
            .Select(l => l.GetProperty("message").GetString()!).ToList();
        Assert.Contains("input is ******", messages);
        Assert.Contains("secret is ******", messages);
        Assert.DoesNotContain(messages, m => m.Contains("hunter2-very-secret", StringComparison.Ordinal) || m.Contains("token-from-env-42", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
