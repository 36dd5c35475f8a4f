using System.Net;
using System.Text;

namespace Harrier.Bench.Server;

/// <summary>The flows the server scenarios deploy, and deploying them.</summary>
public static class ServerFlows
{
    public const string Namespace = "harrier.bench.server";

    public const string OneLogId = "one-log";

    public const string OneShellId = "one-shell";

    public const string OneLog = """
        id: one-log
        namespace: harrier.bench.server
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: hello from the server
        """;

    /// <summary>One <c>shell.Commands: ["true"]</c> task: an execution that spawns one process on a worker.</summary>
    public const string OneShell = """
        id: one-shell
        namespace: harrier.bench.server
        tasks:
          - id: spawn
            type: io.kestra.plugin.scripts.shell.Commands
            commands:
              - "true"
        """;

    /// <summary>A shell task printing <paramref name="lines"/> lines, each holding the wall clock when it was printed (ns since the epoch).</summary>
    public static string Ticks(int lines) => $$"""
        id: ticks
        namespace: harrier.bench.server
        tasks:
          - id: tick
            type: io.kestra.plugin.scripts.shell.Commands
            commands:
              - for i in $(seq {{lines}}); do echo "t=$(date +%s%N)"; sleep 0.01; done
        """;

    public static async Task DeployAsync(HttpClient http, string yaml)
    {
        using var response = await http.PostAsync("flows", new StringContent(yaml, Encoding.UTF8, "application/x-yaml"));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"deploying a bench flow failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
