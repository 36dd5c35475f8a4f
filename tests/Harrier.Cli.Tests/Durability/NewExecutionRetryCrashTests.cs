using System.Text.Json;
using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.Durability;

/// <summary>
/// A CREATE_NEW_EXECUTION retry's delay is stored, not held in memory: kill -9 the <c>harrier run</c> during it, and
/// <c>harrier executions recover</c> creates the next execution when the delay is over — exactly one, however often it runs.
/// </summary>
public sealed class NewExecutionRetryCrashTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task KillMinus9DuringTheRetryDelay_ThenRecover_CreatesExactlyOneNextExecution_AfterTheDelay()
    {
        var counter = _dir.Combine("counter");
        File.WriteAllText(_dir.Combine("flaky.yml"), $$"""
            id: flaky
            namespace: harrier.tests
            tasks:
              - id: work
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - n=$(cat '{{counter}}' 2>/dev/null || echo 0); n=$((n+1)); echo $n > '{{counter}}'
                  - '[ "$n" -ge 2 ]'
                retry:
                  type: constant
                  interval: PT3S
                  maxAttempts: 3
                  behavior: CREATE_NEW_EXECUTION
            """);
        var data = _dir.Combine("data");
        using (var run = CliProcess.Start(_dir.Path, "run", "flaky.yml", "--data-dir", data))
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!Executions(data).Any(e => State(e) == "RETRIED"))
            {
                Assert.True(DateTime.UtcNow < deadline, "the execution did not end RETRIED within 30 s\n" + run.Output + run.Error);
                await Task.Delay(50);
            }

            run.Signal(9);
            await run.ExitAsync(TimeSpan.FromSeconds(10));
        }

        Assert.Single(Executions(data));
        using (var recover = CliProcess.Start(_dir.Path, "executions", "recover", "--data-dir", data))
        {
            Assert.True(await recover.ExitAsync(TimeSpan.FromSeconds(60)) == 0, recover.Output + recover.Error);
        }

        using (var again = CliProcess.Start(_dir.Path, "executions", "recover", "--data-dir", data))
        {
            Assert.True(await again.ExitAsync(TimeSpan.FromSeconds(60)) == 0, again.Output + again.Error);
            Assert.Contains("nothing to recover", again.Output, StringComparison.Ordinal);
        }

        var executions = Executions(data).OrderBy(e => e.GetProperty("metadata").GetProperty("attemptNumber").GetInt32()).ToList();
        Assert.Equal(["RETRIED", "SUCCESS"], executions.Select(State));
        Assert.Equal([1, 2], executions.Select(e => e.GetProperty("metadata").GetProperty("attemptNumber").GetInt32()));
        Assert.Equal(executions[0].GetProperty("id").GetString(), executions[1].GetProperty("originalId").GetString());
        Assert.False(executions[0].TryGetProperty("retryAt", out _), "the retried execution still waits for a next attempt");
        var waited = executions[1].GetProperty("createdAt").GetDateTimeOffset() - executions[0].GetProperty("endDate").GetDateTimeOffset();
        Assert.True(waited >= TimeSpan.FromSeconds(3), $"the next attempt was created {waited} after the failure, before the 3 s delay was over");
        Assert.Equal("2", File.ReadAllText(counter).Trim());
    }

    [Fact]
    public async Task KillingARetriedExecutionDuringItsDelay_CancelsTheNextAttempt_AndEndsTheRun()
    {
        File.WriteAllText(_dir.Combine("failing.yml"), """
            id: failing
            namespace: harrier.tests
            tasks:
              - id: work
                type: io.kestra.plugin.core.execution.Fail
                retry:
                  type: constant
                  interval: PT1M
                  maxAttempts: 3
                  behavior: CREATE_NEW_EXECUTION
            """);
        var data = _dir.Combine("data");
        using var run = CliProcess.Start(_dir.Path, "run", "failing.yml", "--data-dir", data);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Executions(data).Any(e => State(e) == "RETRIED"))
        {
            Assert.True(DateTime.UtcNow < deadline, "the execution did not end RETRIED within 30 s\n" + run.Output + run.Error);
            await Task.Delay(50);
        }

        var id = Executions(data).Single().GetProperty("id").GetString()!;
        using (var output = new StringWriter())
        using (var error = new StringWriter())
        {
            Assert.True(HarrierCli.Run(["executions", "kill", id, "--data-dir", data], output, error) == 0, output + error.ToString());
        }

        Assert.Equal(1, await run.ExitAsync(TimeSpan.FromSeconds(30)));
        var only = Assert.Single(Executions(data));
        Assert.Equal("RETRIED", State(only));
        Assert.False(only.TryGetProperty("retryAt", out _), "the killed execution still waits for a next attempt");
    }

    private static string State(JsonElement execution) => execution.GetProperty("state").GetString()!;

    private static List<JsonElement> Executions(string data)
    {
        if (!File.Exists(Path.Combine(data, "harrier.db")))
        {
            return [];
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        return HarrierCli.Run(["executions", "list", "--json", "--data-dir", data], output, error) == 0
            ? [.. JsonDocument.Parse(output.ToString()).RootElement.EnumerateArray().Select(e => e.Clone())]
            : [];
    }
}
