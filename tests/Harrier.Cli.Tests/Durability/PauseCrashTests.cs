using System.Text.Json;
using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.Durability;

/// <summary>A Pause's delay is stored, not held in memory: kill -9 during it, and recover goes on when the delay is over.</summary>
public sealed class PauseCrashTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task KillMinus9DuringAPauseDelay_ThenRecover_EndsTheExecutionAfterTheDelay()
    {
        File.WriteAllText(_dir.Combine("hold.yml"), """
            id: hold
            namespace: harrier.tests
            tasks:
              - id: hold
                type: io.kestra.plugin.core.flow.Pause
                delay: PT3S
              - id: after
                type: io.kestra.plugin.core.log.Log
                message: after the pause
            """);
        var data = _dir.Combine("data");
        using (var run = CliProcess.Start(_dir.Path, "run", "hold.yml", "--data-dir", data))
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (Executions(data).FirstOrDefault().State != "PAUSED")
            {
                Assert.True(DateTime.UtcNow < deadline, "the execution did not pause within 30 s");
                await Task.Delay(50);
            }

            run.Signal(9);
            await run.ExitAsync(TimeSpan.FromSeconds(10));
        }

        using var recover = CliProcess.Start(_dir.Path, "executions", "recover", "--data-dir", data);
        Assert.True(await recover.ExitAsync(TimeSpan.FromSeconds(60)) == 0, recover.Output + recover.Error);

        var (id, state) = Executions(data).Single();
        Assert.Equal("SUCCESS", state);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, HarrierCli.Run(["executions", "show", id, "--json", "--data-dir", data], output, error));
        var runs = JsonDocument.Parse(output.ToString()).RootElement.GetProperty("taskRuns").EnumerateArray().ToList();
        DateTimeOffset Start(string taskId) => runs.Single(r => r.GetProperty("taskId").GetString() == taskId).GetProperty("attempts")[0].GetProperty("startDate").GetDateTimeOffset();
        Assert.True(Start("after") - Start("hold") >= TimeSpan.FromSeconds(3), "the task after the pause started before its delay was over");
    }

    private static List<(string Id, string State)> Executions(string data)
    {
        if (!File.Exists(Path.Combine(data, "harrier.db")))
        {
            return [];
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        return HarrierCli.Run(["executions", "list", "--json", "--data-dir", data], output, error) == 0
            ? [.. JsonDocument.Parse(output.ToString()).RootElement.EnumerateArray().Select(e => (e.GetProperty("id").GetString()!, e.GetProperty("state").GetString()!))]
            : [];
    }
}
