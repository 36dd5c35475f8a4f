using System.Text.Json;
using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.CoreTasks;

/// <summary>Ctrl-C on <c>harrier run</c> kills the children its Subflows wait for, and the command ends at once.</summary>
public sealed class SubflowKillTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task KillingTheParent_KillsTheRunningChild_AndRunEndsPromptly()
    {
        Directory.CreateDirectory(_dir.Combine("flows"));
        File.WriteAllText(_dir.Combine("flows", "slow.yml"), """
            id: slow
            namespace: harrier.tests
            tasks:
              - id: wait
                type: io.kestra.plugin.scripts.shell.Commands
                taskRunner:
                  type: io.kestra.plugin.core.runner.Process
                commands:
                  - sleep 120
            """);
        File.WriteAllText(_dir.Combine("parent.yml"), """
            id: parent
            namespace: harrier.tests
            tasks:
              - id: call
                type: io.kestra.plugin.core.flow.Subflow
                namespace: harrier.tests
                flowId: slow
            """);
        var data = _dir.Combine("data");
        using var run = CliProcess.Start(_dir.Path, "run", "parent.yml", "--flows", _dir.Combine("flows"), "--data-dir", data, "--logs");
        await WaitForAsync(() => run.Output.Contains("sleep", StringComparison.Ordinal) || States(data).Count(s => s == "RUNNING") == 2);

        run.Signal(CliProcess.SigInt);

        Assert.Equal(1, await run.ExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(["KILLED", "KILLED"], States(data).Order());
    }

    private static List<string> States(string data)
    {
        if (!File.Exists(Path.Combine(data, "harrier.db")))
        {
            return [];
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        return HarrierCli.Run(["executions", "list", "--json", "--data-dir", data], output, error) == 0
            ? [.. JsonDocument.Parse(output.ToString()).RootElement.EnumerateArray().Select(e => e.GetProperty("state").GetString()!)]
            : [];
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the child did not start within 30 s");
            await Task.Delay(100);
        }
    }
}
