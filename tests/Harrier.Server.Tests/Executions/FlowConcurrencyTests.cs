using System.Net;
using System.Text.Json.Nodes;
using Harrier.Server.Tests.Support;
using Harrier.TestKit.Support;

namespace Harrier.Server.Tests.Executions;

/// <summary>Kestra's flow <c>concurrency</c> on a real server: QUEUE waits in QUEUED and runs in order, CANCEL and FAIL end at once.</summary>
public sealed class FlowConcurrencyTests(ServerFixture fixture) : IClassFixture<ServerFixture>, IDisposable
{
    private readonly TempDirectory _folder = new();

    private HttpClient Http => fixture.Http;

    public void Dispose() => _folder.Dispose();

    private string Gated(string ns, string behavior) => $$$"""
        id: gated
        namespace: {{{ns}}}
        concurrency:
          limit: 1
          behavior: {{{behavior}}}
        tasks:
          - id: wait
            type: io.kestra.plugin.scripts.shell.Commands
            commands:
              - while [ ! -e '{{{_folder.File(ns)}}}' ]; do sleep 0.05; done
        """;

    private async Task<JsonObject> StateOfAsync(string id) => await Http.GetJsonAsync($"executions/{id}");

    private async Task<JsonObject> EndAsync(string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var execution = await StateOfAsync(id);
            if (execution.State() is "SUCCESS" or "FAILED" or "KILLED" or "CANCELLED" || DateTime.UtcNow > deadline)
            {
                return execution;
            }

            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Queue_HoldsExecutionsPastTheLimitInQueued_ThenRunsThemOneAtATimeInOrder()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(Gated(ns, "QUEUE"));

        var first = await Http.ExecuteAsync(ns, "gated", wait: false);
        var second = await Http.ExecuteAsync(ns, "gated", wait: false);
        var third = await Http.ExecuteAsync(ns, "gated", wait: false);
        var secondWhileFirstRuns = (await StateOfAsync(second.Id())).State();
        await File.WriteAllTextAsync(_folder.File(ns), "");
        var ends = new List<JsonObject>();
        foreach (var id in new[] { first.Id(), second.Id(), third.Id() })
        {
            ends.Add(await EndAsync(id));
        }

        Assert.Equal("QUEUED", second.State());
        Assert.Equal("QUEUED", secondWhileFirstRuns);
        Assert.Equal("QUEUED", third.State());
        Assert.All(ends, e => Assert.Equal("SUCCESS", e.State()));
        // state.startDate is the creation (Kestra's first history entry): the run starts at the RUNNING entry.
        var starts = ends.Select(e => e["state"]!["histories"]!.AsArray().First(h => h!["state"]!.GetValue<string>() == "RUNNING")!["date"]!.GetValue<DateTime>()).ToList();
        var endsAt = ends.Select(e => e["state"]!["endDate"]!.GetValue<DateTime>()).ToList();
        Assert.True(starts[1] >= endsAt[0] && starts[2] >= endsAt[1], $"a queued execution started before the one ahead of it ended: starts {string.Join(", ", starts.Select(s => s.ToString("O")))}, ends {string.Join(", ", endsAt.Select(s => s.ToString("O")))}");
    }

    [Theory]
    [InlineData("CANCEL", "CANCELLED")]
    [InlineData("FAIL", "FAILED")]
    public async Task CancelAndFail_EndTheExecutionPastTheLimitAtOnce(string behavior, string state)
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(Gated(ns, behavior));

        var first = await Http.ExecuteAsync(ns, "gated", wait: false);
        var refused = await Http.ExecuteAsync(ns, "gated", wait: false);
        var stored = await StateOfAsync(refused.Id());
        await File.WriteAllTextAsync(_folder.File(ns), "");

        Assert.Equal(state, refused.State());
        Assert.Equal(state, stored.State());
        Assert.Equal("SUCCESS", (await EndAsync(first.Id())).State());
    }

    [Fact]
    public async Task KillingAQueuedExecution_EndsItKilled_WithoutRunningIt()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(Gated(ns, "QUEUE"));
        var first = await Http.ExecuteAsync(ns, "gated", wait: false);
        var queued = await Http.ExecuteAsync(ns, "gated", wait: false);

        var kill = await Http.DeleteAsync($"executions/{queued.Id()}/kill");
        var killed = await EndAsync(queued.Id());
        await File.WriteAllTextAsync(_folder.File(ns), "");

        Assert.Equal(HttpStatusCode.Accepted, kill.StatusCode);
        Assert.Equal("KILLED", killed.State());
        Assert.Null(killed["taskRunList"]?.AsArray().FirstOrDefault());
        Assert.Equal("SUCCESS", (await EndAsync(first.Id())).State());
    }

    [Fact]
    public async Task AnUnknownBehavior_IsRefusedAtDeploy_WithItsPlace()
    {
        var response = await Http.PostFlowAsync(Gated(ApiCalls.UniqueNamespace(), "QUEU"));

        var body = await response.JsonAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("concurrency.behavior", body.Json(), StringComparison.Ordinal);
        Assert.Contains("QUEUE, CANCEL or FAIL", body.Json(), StringComparison.Ordinal);
    }
}
