using System.Diagnostics;
using Harrier.Server.Tests.Support;
using Harrier.TestKit.Support;

namespace Harrier.Server.Tests.Logs;

/// <summary><c>GET /logs/{id}/follow</c>: start, then one progress event per line as the task prints it, then the stream ends with the execution.</summary>
public sealed class LogFollowTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task Follow_DeliversEachLineWhileTheTaskStillRuns_OneEventPerLine_ThenCloses()
    {
        using var folder = new TempDirectory();
        var release = folder.File("release");
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync($"""
            id: live
            namespace: {ns}
            tasks:
              - id: talk
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - echo first
                  - echo second
                  - while [ ! -e '{release}' ]; do sleep 0.02; done
                  - echo third
            """);
        var execution = await Http.ExecuteAsync(ns, "live", wait: false);

        await using var follow = await SseClient.OpenAsync(Http, $"logs/{execution.Id()}/follow");
        Assert.Equal("start", (await follow.NextAsync())!.Id);
        var early = new List<string>();
        while (early.Count < 2 && await follow.NextAsync() is { } line)
        {
            Assert.Equal("progress", line.Id);
            early.Add(line.Json["message"]!.GetValue<string>());
        }

        // Both lines arrived while the task is blocked: nothing waited for the task, or the execution, to end.
        Assert.Equal(["first", "second"], early);
        Assert.False(File.Exists(release));
        var clock = Stopwatch.StartNew();
        await File.WriteAllTextAsync(release, "");
        var rest = await follow.ReadToEndAsync();

        Assert.Equal(["third"], rest.Select(e => e.Json["message"]!.GetValue<string>()));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the stream closed {clock.Elapsed} after the last line");
    }

    [Fact]
    public async Task Follow_OfAnEndedExecution_SendsEveryStoredLine_ThenCloses()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(TestFlows.OneLog(ns, message: "stored line"));
        var execution = await Http.ExecuteAsync(ns, "hello");

        await using var follow = await SseClient.OpenAsync(Http, $"logs/{execution.Id()}/follow");
        var events = await follow.ReadToEndAsync();

        Assert.Equal(["start", "progress"], events.Select(e => e.Id));
        Assert.Equal("stored line", events[1].Json["message"]!.GetValue<string>());
    }
}
