using System.Diagnostics;
using System.Net;
using Harrier.Server.Tests.Support;
using Harrier.TestKit.Support;

namespace Harrier.Server.Tests.Processes;

/// <summary>The real command: start-up to a healthy server, and a graceful stop on SIGTERM that lets running tasks finish.</summary>
public sealed class ServerLifecycleTests
{
    [Fact]
    public async Task Standalone_PrintsItsAddress_AnswersHealth_AndStopsOnSigterm_WithExitCodeZero()
    {
        using var folder = new TempDirectory();
        var clock = Stopwatch.StartNew();
        using var server = await ServerProcess.StartAsync(folder.Path, folder.File("data"));

        var health = await server.Http.GetJsonAsync("/health");
        var ready = clock.Elapsed;
        server.Process.Terminate();
        var exit = await server.Process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal("UP", health["status"]!.GetValue<string>());
        Assert.Equal(0, exit);
        Assert.Contains("harrier server: stopped", server.Process.Output, StringComparison.Ordinal);
        Assert.True(ready < TimeSpan.FromSeconds(20), $"ready after {ready}");
    }

    [Fact]
    public async Task Sigterm_LetsARunningTaskFinishWithinTheGracePeriod_SoItNeverRunsTwice()
    {
        using var folder = new TempDirectory();
        var release = folder.File("release");
        var data = folder.File("data");
        var grace = new Dictionary<string, string> { ["HARRIER_SERVER_TERMINATIONGRACEPERIOD"] = "PT60S" };
        string id;
        using (var server = await ServerProcess.StartAsync(folder.Path, data, grace))
        {
            await server.Http.DeployAsync(TestFlows.WaitsFor("drain.test", release));
            id = (await server.Http.ExecuteAsync("drain.test", "waiting", wait: false)).Id();
            await WaitForLineAsync(server.Http, id, "started");

            server.Process.Terminate();
            await server.Process.WaitForLineAsync(l => l.Contains("draining", StringComparison.OrdinalIgnoreCase) || l.Contains("Draining", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
            await File.WriteAllTextAsync(release, "");
            Assert.Equal(0, await server.Process.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        }

        using var again = await ServerProcess.StartAsync(folder.Path, data);
        await using var follow = await SseClient.OpenAsync(again.Http, $"executions/{id}/follow");
        var end = (await follow.ReadToEndAsync(TimeSpan.FromSeconds(60))).Last().Json;
        Assert.Equal("SUCCESS", end.State());
        Assert.Single(end.TaskRun("wait")["attempts"]!.AsArray());
    }

    internal static async Task WaitForLineAsync(HttpClient http, string executionId, string text)
    {
        await using var logs = await SseClient.OpenAsync(http, $"logs/{executionId}/follow");
        while (await logs.NextAsync(TimeSpan.FromSeconds(60)) is { } line)
        {
            if (line.Data.Contains(text, StringComparison.Ordinal))
            {
                return;
            }
        }

        throw new InvalidOperationException($"execution {executionId} ended before printing '{text}'");
    }
}
