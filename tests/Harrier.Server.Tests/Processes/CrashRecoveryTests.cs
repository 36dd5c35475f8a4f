using System.Globalization;
using Harrier.Core.Engine.Coordination;
using Harrier.Server.Tests.Support;
using Harrier.TestKit.Processes;
using Harrier.TestKit.Support;

namespace Harrier.Server.Tests.Processes;

/// <summary>
/// <c>kill -9</c> of a real server in the middle of executions, then a restart on the same data directory: every
/// execution resumes and ends; the task that was running runs again (a second attempt), finished tasks never run again,
/// no stored log line is lost, and nothing the dead server started still runs.
/// </summary>
public sealed class CrashRecoveryTests
{
    private static string Flow(string marks, string release) => $$$"""
        id: crash
        namespace: crash.test
        tasks:
          - id: before
            type: io.kestra.plugin.scripts.shell.Commands
            commands:
              - echo "before {{ execution.id }}" >> '{{{marks}}}'
              - echo "before done"
          - id: long
            type: io.kestra.plugin.scripts.shell.Commands
            commands:
              - echo "long {{ execution.id }}" >> '{{{marks}}}'
              - echo $$ > '{{{marks}}}.{{ execution.id }}.pid'
              - echo "long started"
              - while [ ! -e '{{{release}}}' ]; do sleep 0.05; done
          - id: after
            type: io.kestra.plugin.scripts.shell.Commands
            commands:
              - echo "after {{ execution.id }}" >> '{{{marks}}}'
        """;

    [Fact]
    public async Task KillNine_DuringExecutions_ThenRestart_EveryExecutionEnds_InterruptedTasksRunAgain_FinishedOnesNever()
    {
        using var folder = new TempDirectory();
        var marks = folder.File("marks");
        var release = folder.File("release");
        var data = folder.File("data");
        var ids = new List<string>();
        var logsBefore = new Dictionary<string, List<string>>();
        var oldPids = new List<int>();
        using (var server = await ServerProcess.StartAsync(folder.Path, data))
        {
            await server.Http.DeployAsync(Flow(marks, release));
            for (var i = 0; i < 2; i++)
            {
                ids.Add((await server.Http.ExecuteAsync("crash.test", "crash", wait: false)).Id());
            }

            foreach (var id in ids)
            {
                await ServerLifecycleTests.WaitForLineAsync(server.Http, id, "long started");
                logsBefore[id] = [.. (await server.Http.GetArrayAsync($"logs/{id}")).Select(l => l!["message"]!.GetValue<string>())];
                oldPids.Add(int.Parse((await File.ReadAllTextAsync($"{marks}.{id}.pid")).Trim(), CultureInfo.InvariantCulture));
            }

            server.Process.KillHard();
        }

        using var restarted = await ServerProcess.StartAsync(folder.Path, data);
        await restarted.Process.WaitForLineAsync(l => l.Contains("recovered 2 interrupted execution(s)", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.All(oldPids, pid => Assert.Null(ProcessIdentity.Of(pid)));
        await File.WriteAllTextAsync(release, "");
        foreach (var id in ids)
        {
            await using var follow = await SseClient.OpenAsync(restarted.Http, $"executions/{id}/follow");
            var end = (await follow.ReadToEndAsync(TimeSpan.FromSeconds(90))).Last().Json;
            Assert.Equal("SUCCESS", end.State());
            Assert.Single(end.TaskRun("before")["attempts"]!.AsArray());
            var attempts = end.TaskRun("long")["attempts"]!.AsArray().Select(a => a!["state"]!["current"]!.GetValue<string>()).ToList();
            Assert.Equal(["KILLED", "SUCCESS"], attempts);
            var logsAfter = (await restarted.Http.GetArrayAsync($"logs/{id}")).Select(l => l!["message"]!.GetValue<string>()).ToList();
            Assert.Equal(logsBefore[id], logsAfter.Take(logsBefore[id].Count));
        }

        var counts = (await File.ReadAllLinesAsync(marks)).GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());
        foreach (var id in ids)
        {
            Assert.Equal((1, 2, 1), (counts[$"before {id}"], counts[$"long {id}"], counts[$"after {id}"]));
        }
    }

    [Fact]
    public async Task AServerStartingOnADirectory_WhereAHarrierRunDied_AdoptsAndFinishesItsExecution()
    {
        using var folder = new TempDirectory();
        var marks = folder.File("marks");
        var release = folder.File("release");
        var data = folder.File("data");
        var flow = folder.File("crash.yml");
        await File.WriteAllTextAsync(flow, Flow(marks, release));
        using (var run = HarrierProcess.Start(folder.Path, "run", flow, "--data-dir", data))
        {
            await run.WaitForLineAsync(l => l.Contains("long started", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
            run.KillHard();
        }

        using var server = await ServerProcess.StartAsync(folder.Path, data);
        await File.WriteAllTextAsync(release, "");
        var page = await server.Http.GetJsonAsync("executions/search?namespace=crash.test");
        var id = page["results"]![0]!["id"]!.GetValue<string>();
        await using var follow = await SseClient.OpenAsync(server.Http, $"executions/{id}/follow");

        var end = (await follow.ReadToEndAsync(TimeSpan.FromSeconds(90))).Last().Json;
        await server.Process.WaitForLineAsync(l => l.Contains("recovered 1 interrupted execution(s)", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Equal("SUCCESS", end.State());
        Assert.Equal(2, end.TaskRun("long")["attempts"]!.AsArray().Count);
    }

    [Fact]
    public async Task ARunningServer_AdoptsTheExecutionOfAHarrierRunThatDiesBesideIt()
    {
        using var folder = new TempDirectory();
        var marks = folder.File("marks");
        var release = folder.File("release");
        var data = folder.File("data");
        var flow = folder.File("crash.yml");
        await File.WriteAllTextAsync(flow, Flow(marks, release));
        using var server = await ServerProcess.StartAsync(folder.Path, data, new Dictionary<string, string> { ["HARRIER_SERVER_RECOVERYINTERVAL"] = "PT1S" });
        using (var run = HarrierProcess.Start(folder.Path, "run", flow, "--data-dir", data))
        {
            await run.WaitForLineAsync(l => l.Contains("long started", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
            run.KillHard();
        }

        await server.Process.WaitForLineAsync(l => l.Contains("Recovering execution", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        await File.WriteAllTextAsync(release, "");
        var id = (await server.Http.GetJsonAsync("executions/search?namespace=crash.test"))["results"]![0]!["id"]!.GetValue<string>();
        await using var follow = await SseClient.OpenAsync(server.Http, $"executions/{id}/follow");

        var end = (await follow.ReadToEndAsync(TimeSpan.FromSeconds(90))).Last().Json;
        Assert.Equal("SUCCESS", end.State());
        Assert.Equal(["KILLED", "SUCCESS"], end.TaskRun("long")["attempts"]!.AsArray().Select(a => a!["state"]!["current"]!.GetValue<string>()));
        Assert.Single(end.TaskRun("before")["attempts"]!.AsArray());
    }
}
