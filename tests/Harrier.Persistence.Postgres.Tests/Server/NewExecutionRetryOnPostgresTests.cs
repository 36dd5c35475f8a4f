using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Harrier.TestKit.Processes;
using Harrier.TestKit.Support;
using Xunit;

namespace Harrier.Persistence.Postgres.Tests.Server;

/// <summary>
/// <c>retry.behavior: CREATE_NEW_EXECUTION</c> on a standalone server over PostgreSQL, through the REST API: the execution
/// started ends RETRIED, and the next one (Kestra's <c>metadata.attemptNumber</c> 2, <c>originalId</c> the first) ends in
/// SUCCESS — the retry's durable state on PostgreSQL, and the attempt where Kestra's API shows it.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class NewExecutionRetryOnPostgresTests(PostgresCluster cluster)
{
    [Fact]
    public async Task AFailedTaskWithCreateNewExecution_EndsRetried_AndTheNextExecutionSucceeds_WithItsAttemptInTheApi()
    {
        var database = await cluster.CreateDatabaseAsync();
        using var folder = new TempDirectory();
        var counter = Path.Combine(folder.Path, "counter");
        var config = Path.Combine(folder.Path, "harrier.yml");
        await File.WriteAllTextAsync(config, $"""
            database:
              type: postgres
              url: postgresql://postgres@127.0.0.1:{cluster.Port}/{database}
            """);
        using var process = HarrierProcess.Start(folder.Path, ["server", "standalone", "--port", "0", "--data-dir", Path.Combine(folder.Path, "data"), "--config", config]);
        var line = await process.WaitForLineAsync(l => l.Contains("harrier server: listening on ", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        using var http = new HttpClient { BaseAddress = new Uri(new Uri(Listening().Match(line).Groups[1].Value), "/api/v1/main/"), Timeout = TimeSpan.FromSeconds(60) };
        var flow = $$"""
            id: flaky
            namespace: pg.retry
            tasks:
              - id: work
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - n=$(cat '{{counter}}' 2>/dev/null || echo 0); n=$((n+1)); echo $n > '{{counter}}'
                  - '[ "$n" -ge 2 ]'
                retry:
                  type: constant
                  interval: PT0.5S
                  maxAttempts: 3
                  behavior: CREATE_NEW_EXECUTION
            """;
        using (var deploy = await http.PostAsync("flows", new StringContent(flow, Encoding.UTF8, new MediaTypeHeaderValue("application/x-yaml"))))
        {
            Assert.True(deploy.StatusCode == HttpStatusCode.OK, await deploy.Content.ReadAsStringAsync());
        }

        string firstId;
        using (var run = await http.PostAsync("executions/pg.retry/flaky?wait=true", null))
        {
            var first = JsonNode.Parse(await run.Content.ReadAsStringAsync())!;
            firstId = first["id"]!.GetValue<string>();
            Assert.Equal("RETRIED", first["state"]!["current"]!.GetValue<string>());
            Assert.Equal(1, first["metadata"]!["attemptNumber"]!.GetValue<int>());
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonNode? second = null;
        while (second is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "no second attempt ended within 60 s\n" + process.Output);
            var page = JsonNode.Parse(await http.GetStringAsync("executions/search?namespace=pg.retry&flowId=flaky"))!;
            second = page["results"]!.AsArray().FirstOrDefault(e => e!["id"]!.GetValue<string>() != firstId && e["state"]!["current"]!.GetValue<string>() == "SUCCESS");
            await Task.Delay(100);
        }

        Assert.Equal(2, second["metadata"]!["attemptNumber"]!.GetValue<int>());
        Assert.Equal(firstId, second["originalId"]!.GetValue<string>());
        var all = JsonNode.Parse(await http.GetStringAsync("executions/search?namespace=pg.retry&flowId=flaky"))!["results"]!.AsArray();
        Assert.Equal(2, all.Count);
        Assert.Equal("2", File.ReadAllText(counter).Trim());
    }

    [GeneratedRegex(@"listening on (http://\S+)")]
    private static partial Regex Listening();
}
