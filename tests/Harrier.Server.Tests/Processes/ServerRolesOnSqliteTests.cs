using System.Text.RegularExpressions;
using Harrier.Server.Tests.Support;
using Harrier.TestKit.Processes;
using Harrier.TestKit.Support;

namespace Harrier.Server.Tests.Processes;

/// <summary>
/// The role commands on the embedded default (SQLite, one data directory shared by the processes of one machine), and
/// what they answer to bad input.
/// </summary>
public sealed partial class ServerRolesOnSqliteTests
{
    [Fact]
    public async Task AnExecutorAWorkerAndAWebserver_SharingADataDirectory_RunAnExecutionToItsEnd()
    {
        using var folder = new TempDirectory();
        var data = folder.File("data");
        using var executor = await StartAsync(folder.Path, "executor", "--data-dir", data);
        using var worker = await StartAsync(folder.Path, "worker", "--data-dir", data, "--slots", "1");
        using var web = await StartAsync(folder.Path, "webserver", "--data-dir", data, "--port", "0");
        using var http = new HttpClient { BaseAddress = new Uri(web.Address, "/api/v1/main/"), Timeout = TimeSpan.FromSeconds(60) };
        var ns = ApiCalls.UniqueNamespace("roles");
        await http.DeployAsync(TestFlows.OneLog(ns));

        var execution = await http.ExecuteAsync(ns, "hello");

        Assert.Equal("SUCCESS", execution.State());
        var attempt = execution.TaskRun("greet")["attempts"]!.AsArray().Single()!;
        Assert.Equal(worker.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), attempt["workerId"]!.GetValue<string>().Split(':')[1]);
        using var plain = new HttpClient();
        Assert.Equal("""{"status":"UP","roles":["worker"]}""", await plain.GetStringAsync(new Uri(worker.Address, "/health")));
        Assert.Equal("""{"status":"UP","roles":["executor"]}""", await plain.GetStringAsync(new Uri(executor.Address, "/health")));
        // Only the webserver serves the API.
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await plain.GetAsync(new Uri(executor.Address, "/api/v1/main/flows/search"))).StatusCode);
    }

    [Fact]
    public async Task OnlyTheSchedulerRole_FiresTriggers()
    {
        using var folder = new TempDirectory();
        var data = folder.File("data");
        using var executor = await StartAsync(folder.Path, "executor", "--data-dir", data);
        using var worker = await StartAsync(folder.Path, "worker", "--data-dir", data);
        using var web = await StartAsync(folder.Path, "webserver", "--data-dir", data, "--port", "0");
        using var http = new HttpClient { BaseAddress = new Uri(web.Address, "/api/v1/main/"), Timeout = TimeSpan.FromSeconds(60) };
        var ns = ApiCalls.UniqueNamespace("roles");
        await http.DeployAsync($$"""
            id: ticking
            namespace: {{ns}}
            triggers:
              - id: tick
                type: io.kestra.plugin.core.trigger.Schedule
                cron: "* * * * * *"
                withSeconds: true
            tasks:
              - id: say
                type: io.kestra.plugin.core.log.Log
                message: tick
            """);
        var search = $"executions/search?filters[namespace][EQUALS]={ns}&size=100";

        // Seconds go by with an executor, a worker and a webserver, but no scheduler: nothing fires.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.Empty((await http.GetJsonAsync(search))["results"]!.AsArray());
        using var scheduler = await StartAsync(folder.Path, "scheduler", "--data-dir", data);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(await http.GetJsonAsync(search))["results"]!.AsArray().Any(e => e!["state"]!["current"]!.GetValue<string>() == "SUCCESS"))
        {
            Assert.True(DateTime.UtcNow < deadline, "no scheduled execution succeeded within 60 s of the scheduler's start");
            await Task.Delay(100);
        }
    }

    [Theory]
    [InlineData("worker|--group|not a key", "worker.group 'not a key' is not a worker group key")]
    [InlineData("worker|--slots|0", "workers (--workers, --slots) must be at least 1, not 0")]
    [InlineData("worker|--slots|many", "many")]
    [InlineData("executor|--group|gpu", "--group")]
    [InlineData("webserver|--slots|2", "--slots")]
    public async Task BadRoleOptions_AreRefusedWithAClearMessage_AndNoStackTrace(string arguments, string expected)
    {
        using var folder = new TempDirectory();
        var (exit, output) = await HarrierProcess.RunAsync(folder.Path, TimeSpan.FromSeconds(60), ["server", .. arguments.Split('|'), "--data-dir", folder.File("data")]);

        Assert.NotEqual(0, exit);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    private static async Task<Role> StartAsync(string folder, string role, params string[] arguments)
    {
        var process = HarrierProcess.Start(folder, ["server", role, .. arguments]);
        try
        {
            var line = await process.WaitForLineAsync(l => l.Contains($"harrier server {role}: listening on ", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
            return new Role(process, new Uri(Listening().Match(line).Groups[1].Value));
        }
        catch (TimeoutException)
        {
            process.Dispose();
            throw new TimeoutException($"harrier server {role} did not start; its output:\n{process.Output}");
        }
    }

    private sealed record Role(HarrierProcess Process, Uri Address) : IDisposable
    {
        public void Dispose() => Process.Dispose();
    }

    [GeneratedRegex(@"listening on (http://\S+)")]
    private static partial Regex Listening();
}
