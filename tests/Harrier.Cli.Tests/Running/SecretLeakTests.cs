using System.Text;
using System.Text.Json;
using Harrier.Cli.Tests.Flows;
using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.Running;

/// <summary>
/// Known secrets stay masked wherever a run stores or prints them: task outputs (the outputs protocol), metric names and
/// tags, flow outputs, logs — a multi-line secret line by line — in <c>--json</c>, <c>executions show</c> and the database file.
/// </summary>
public sealed class SecretLeakTests : IDisposable
{
    private const string Password = "hunter2-very-secret";

    // A PEM-shaped secret: a script printing it delivers one line at a time.
    private const string Key = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKB\n-----END PRIVATE KEY-----";

    private readonly ScratchDirectory _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void SecretsPassedThroughOutputsMetricsAndFlowOutputs_AreMaskedInJsonShowAndTheDatabase()
    {
        var envName = "HARRIERLEAK" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        Environment.SetEnvironmentVariable("SECRET_" + envName, Convert.ToBase64String(Encoding.UTF8.GetBytes("env-token-4242")));
        var flow = _scratch.Combine("leak.yml");
        File.WriteAllText(flow, $$$"""
            id: leak
            namespace: tests.secrets
            inputs:
              - id: password
                type: SECRET
              - id: key
                type: SECRET
            tasks:
              - id: gen
                type: io.kestra.plugin.scripts.shell.Commands
                env:
                  PASSWORD: "{{ inputs.password }}"
                  KEY: "{{ inputs.key }}"
                commands:
                  - echo "::{\"outputs\":{\"pw\":\"$PASSWORD\",\"nested\":[{\"deep\":\"x $PASSWORD y\"}]},\"metrics\":[{\"name\":\"m\",\"type\":\"counter\",\"value\":1,\"tags\":{\"who\":\"$PASSWORD\"}}]}::"
                  - printf '%s\n' "$KEY"
                  - echo "env secret is $(printf 'env-token-%s' 4242)"
              - id: ret
                type: io.kestra.plugin.core.debug.Return
                format: "{{ secret('{{{envName}}}') }}"
            outputs:
              - id: direct
                type: STRING
                value: "{{ inputs.password }}"
              - id: viaTask
                type: STRING
                value: "{{ outputs.gen.vars.pw }}"
            """);
        var data = _scratch.Combine("data");

        var run = CliRun.Of("run", flow, "--input", $"password={Password}", "--input", $"key={Key}", "--json", "--logs", "--data-dir", data);

        Assert.Equal(0, run.ExitCode);
        var json = JsonDocument.Parse(run.Output).RootElement;
        var gen = json.GetProperty("taskRuns").EnumerateArray().Single(t => t.GetProperty("taskId").GetString() == "gen");
        Assert.Equal("******", gen.GetProperty("outputs").GetProperty("vars").GetProperty("pw").GetString());
        Assert.Equal("x ****** y", gen.GetProperty("outputs").GetProperty("vars").GetProperty("nested")[0].GetProperty("deep").GetString());
        Assert.Equal("******", gen.GetProperty("metrics")[0].GetProperty("tags").GetProperty("who").GetString());
        Assert.Equal("******", json.GetProperty("outputs").GetProperty("direct").GetString());
        Assert.Equal("******", json.GetProperty("outputs").GetProperty("viaTask").GetString());
        var ret = json.GetProperty("taskRuns").EnumerateArray().Single(t => t.GetProperty("taskId").GetString() == "ret");
        Assert.Equal("******", ret.GetProperty("outputs").GetProperty("value").GetString());
        var messages = json.GetProperty("logs").EnumerateArray().Select(l => l.GetProperty("message").GetString()!).ToList();
        Assert.Equal(4, messages.Count(m => m == "******"));
        Assert.Contains("env secret is ******", messages);
        AssertNoSecretIn(run.Output);

        var show = CliRun.Of("executions", "show", json.GetProperty("id").GetString()!, "--json", "--logs", "--data-dir", data);
        Assert.Equal(0, show.ExitCode);
        AssertNoSecretIn(show.Output);
        foreach (var file in Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories))
        {
            var bytes = Encoding.UTF8.GetString(File.ReadAllBytes(file));
            var at = bytes.IndexOf(Password, StringComparison.Ordinal);
            Assert.True(at < 0, $"{file}: {(at < 0 ? "" : bytes.Substring(Math.Max(0, at - 300), 400))}");
            AssertNoSecretIn(bytes);
        }
    }

    private static void AssertNoSecretIn(string text)
    {
        Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
        Assert.DoesNotContain("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", text, StringComparison.Ordinal);
        Assert.DoesNotContain("env-token-4242", text, StringComparison.Ordinal);
    }
}
