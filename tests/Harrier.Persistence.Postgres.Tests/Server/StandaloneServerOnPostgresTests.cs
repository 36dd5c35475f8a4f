using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Harrier.Core.Executions;
using Harrier.TestKit.Processes;
using Harrier.TestKit.Support;
using Xunit;

namespace Harrier.Persistence.Postgres.Tests.Server;

/// <summary>
/// <c>harrier server standalone</c> as a real process whose configuration file says <c>database: {type: postgres}</c>:
/// a flow deployed and run through the REST API ends in SUCCESS, its logs read back, and everything it stored is in
/// PostgreSQL (read there directly), none in a SQLite file. The url's password is never printed.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class StandaloneServerOnPostgresTests(PostgresCluster cluster)
{
    private const string Password = "not-to-be-printed-7f3a";

    private const string Flow = """
        id: hello
        namespace: pg.test
        tasks:
          - id: shell
            type: io.kestra.plugin.scripts.shell.Commands
            commands:
              - echo "hello from a shell on PostgreSQL"
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: "done with {{ outputs.shell.exitCode }}"
        """;

    [Fact]
    public async Task AFlow_RunsToSuccess_ThroughTheApi_WithItsLogsAndRows_InPostgres_AndThePasswordNeverPrinted()
    {
        var database = await cluster.CreateDatabaseAsync();
        using var folder = new TempDirectory();
        var data = Path.Combine(folder.Path, "data");
        var config = Path.Combine(folder.Path, "harrier.yml");
        // Trust authentication accepts any password: the one in the url is there to be kept out of every output.
        await File.WriteAllTextAsync(config, $"""
            database:
              type: postgres
              url: postgresql://postgres:{Password}@127.0.0.1:{cluster.Port}/{database}
            """);
        using var process = HarrierProcess.Start(folder.Path, ["server", "standalone", "--port", "0", "--data-dir", data, "--workers", "2", "--config", config]);
        string line;
        try
        {
            line = await process.WaitForLineAsync(l => l.Contains("harrier server: listening on ", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"the server did not start; its output:\n{process.Output}");
        }

        Assert.Contains($"database PostgreSQL postgresql://postgres:***@127.0.0.1:{cluster.Port}/{database}", line, StringComparison.Ordinal);
        using var http = new HttpClient { BaseAddress = new Uri(new Uri(Listening().Match(line).Groups[1].Value), "/api/v1/main/"), Timeout = TimeSpan.FromSeconds(60) };

        using (var deploy = await http.PostAsync("flows", new StringContent(Flow, Encoding.UTF8, new MediaTypeHeaderValue("application/x-yaml"))))
        {
            Assert.True(deploy.StatusCode == HttpStatusCode.OK, await deploy.Content.ReadAsStringAsync());
        }

        JsonObject execution;
        using (var run = await http.PostAsync("executions/pg.test/hello?wait=true", null))
        {
            var text = await run.Content.ReadAsStringAsync();
            Assert.True(run.StatusCode == HttpStatusCode.OK, text);
            execution = JsonNode.Parse(text)!.AsObject();
        }

        var id = execution["id"]!.GetValue<string>();
        Assert.Equal("SUCCESS", execution["state"]!["current"]!.GetValue<string>());
        var logs = JsonNode.Parse(await http.GetStringAsync($"logs/{id}"))!.AsArray().Select(l => l!["message"]!.GetValue<string>()).ToList();
        Assert.Contains("hello from a shell on PostgreSQL", logs);
        Assert.Contains("done with 0", logs);

        // The rows are PostgreSQL's, read there by another store; the data directory holds no SQLite database.
        await using (var store = await PostgresStore.OpenAsync(new PostgresOptions { Url = cluster.ConnectionString(database) }, TimeProvider.System, CancellationToken.None))
        {
            Assert.Equal(State.Success, (await store.Executions.GetExecutionAsync(id, CancellationToken.None))!.State);
            Assert.Equal(logs.Count, await store.Logs.CountAsync(id, CancellationToken.None));
            Assert.NotNull(await store.Flows.GetAsync("pg.test", "hello", null, false, CancellationToken.None));
        }

        Assert.False(File.Exists(Path.Combine(data, "harrier.db")), "the server wrote a SQLite database although its configuration names PostgreSQL");
        process.Dispose();
        Assert.DoesNotContain(Password, process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreachableDatabase_StopsTheServer_WithASentence_AndNoPassword()
    {
        using var folder = new TempDirectory();
        var config = Path.Combine(folder.Path, "harrier.yml");
        // A port nothing listens on: the cluster's own port plus one is not it, a freshly closed free port is.
        await File.WriteAllTextAsync(config, $"""
            database:
              type: postgres
              url: postgresql://postgres:{Password}@127.0.0.1:{ClosedPort()}/nowhere
            """);
        using var process = HarrierProcess.Start(folder.Path, ["server", "standalone", "--port", "0", "--data-dir", Path.Combine(folder.Path, "data"), "--config", config]);
        var exit = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exit);
        Assert.Contains("Harrier cannot use its PostgreSQL database postgresql://postgres:***@127.0.0.1:", process.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, process.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", process.Output, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"listening on (http://\S+)")]
    private static partial Regex Listening();
}
