using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Harrier.TestKit.Processes;
using Harrier.TestKit.Support;
using Xunit;
using Xunit.Abstractions;

namespace Harrier.Persistence.Postgres.Tests.Server;

/// <summary>
/// Two <c>harrier server standalone</c> processes on one PostgreSQL database, executions started on both at once: every
/// execution ends in SUCCESS, every task ran exactly once (a mark per run, written by the task itself), and both servers
/// did part of the work — their executors and workers claim from the same tables without ever taking the same job.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class TwoServersOnOneDatabaseTests(PostgresCluster cluster, ITestOutputHelper output)
{
    private const int Executions = 40;

    // Each task appends one line naming its execution, its task and the server process it ran under (the first harrier
    // ancestor of the shell), so a task run twice, by one server or by both, shows as two lines.
    private static string Flow(string marks) => $$$"""
        id: load
        namespace: pg.twoservers
        tasks:
          - id: first
            type: io.kestra.plugin.scripts.shell.Commands
            commands:
              - {{{Mark(marks, "first")}}}
          - id: second
            type: io.kestra.plugin.scripts.shell.Commands
            commands:
              - {{{Mark(marks, "second")}}}
        """;

    private static string Mark(string marks, string task) =>
        $$$"""p=$$; while [ "$p" -gt 1 ] && ! grep -q harrier /proc/$p/comm; do p=$(cut -d' ' -f4 /proc/$p/stat); done; echo "{{ execution.id }} {{{task}}} $p" >> '{{{marks}}}'""";

    [Fact]
    public async Task ExecutionsStartedOnBothServers_EachEndOnce_EachTaskRunsOnce_AndBothServersWork()
    {
        var database = await cluster.CreateDatabaseAsync();
        using var folder = new TempDirectory();
        var marks = Path.Combine(folder.Path, "marks");
        var config = Path.Combine(folder.Path, "harrier.yml");
        await File.WriteAllTextAsync(config, $"database:\n  type: postgres\n  url: {cluster.Url(database)}\n");
        var data = Path.Combine(folder.Path, "data");
        using var a = await StartAsync(folder.Path, data, config);
        using var b = await StartAsync(folder.Path, data, config);
        using (var deploy = await a.Http.PostAsync("flows", new StringContent(Flow(marks), Encoding.UTF8, new MediaTypeHeaderValue("application/x-yaml"))))
        {
            Assert.True(deploy.StatusCode == HttpStatusCode.OK, await deploy.Content.ReadAsStringAsync());
        }

        // Half the executions through each server, all in flight at once.
        var ids = await Task.WhenAll(Enumerable.Range(0, Executions).Select(async i =>
        {
            using var response = await (i % 2 == 0 ? a : b).Http.PostAsync("executions/pg.twoservers/load", null);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, text);
            return JsonNode.Parse(text)!["id"]!.GetValue<string>();
        }));

        foreach (var id in ids)
        {
            Assert.Equal("SUCCESS", await WaitForEndAsync(a.Http, id));
        }

        var lines = (await File.ReadAllLinesAsync(marks)).Select(l => l.Split(' ')).ToList();
        var runs = lines.GroupBy(l => (l[0], l[1])).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Executions * 2, lines.Count);
        Assert.All(ids, id =>
        {
            Assert.Equal(1, runs.GetValueOrDefault((id, "first")));
            Assert.Equal(1, runs.GetValueOrDefault((id, "second")));
        });
        var byServer = lines.GroupBy(l => int.Parse(l[2], System.Globalization.CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"task runs by server: {a.Pid}: {byServer.GetValueOrDefault(a.Pid)}, {b.Pid}: {byServer.GetValueOrDefault(b.Pid)}");
        Assert.True(byServer.GetValueOrDefault(a.Pid) > 0 && byServer.GetValueOrDefault(b.Pid) > 0,
            $"one server ran every task: {string.Join(", ", byServer.Select(p => $"pid {p.Key}: {p.Value}"))} (servers {a.Pid}, {b.Pid})");
    }

    private static async Task<string> WaitForEndAsync(HttpClient http, string id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (true)
        {
            var state = JsonNode.Parse(await http.GetStringAsync($"executions/{id}"))!["state"]!["current"]!.GetValue<string>();
            if (state is "SUCCESS" or "FAILED" or "KILLED" or "WARNING" or "CANCELLED")
            {
                return state;
            }

            Assert.True(DateTime.UtcNow < deadline, $"execution {id} is still {state} after 120 s");
            await Task.Delay(50);
        }
    }

    private static async Task<Server> StartAsync(string workingDirectory, string data, string config)
    {
        var process = HarrierProcess.Start(workingDirectory, ["server", "standalone", "--port", "0", "--data-dir", data, "--workers", "2", "--config", config]);
        try
        {
            var line = await process.WaitForLineAsync(l => l.Contains("harrier server: listening on ", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
            return new Server(process, new Uri(Listening().Match(line).Groups[1].Value));
        }
        catch (TimeoutException)
        {
            process.Dispose();
            throw new TimeoutException($"the server did not start; its output:\n{process.Output}");
        }
    }

    private sealed class Server(HarrierProcess process, Uri address) : IDisposable
    {
        public HttpClient Http { get; } = new() { BaseAddress = new Uri(address, "/api/v1/main/"), Timeout = TimeSpan.FromSeconds(60) };

        public int Pid => process.Id;

        public void Dispose()
        {
            Http.Dispose();
            process.Dispose();
        }
    }

    [GeneratedRegex(@"listening on (http://\S+)")]
    private static partial Regex Listening();
}
