using System.Text.Json;
using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.CoreTasks;

/// <summary>
/// A ForEachItem's children are executions in the store, not tasks of a process: Ctrl-C on <c>harrier run</c> kills
/// them, and after <c>kill -9</c> <c>harrier executions recover</c> finishes them, none started twice.
/// </summary>
public sealed class ForEachItemProcessTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public ForEachItemProcessTests()
    {
        Directory.CreateDirectory(_dir.Combine("flows"));
        Directory.CreateDirectory(_dir.Combine("marks"));
        File.WriteAllText(_dir.Combine("flows", "slow.yml"), $$$"""
            id: slow
            namespace: harrier.tests
            inputs:
              - id: n
                type: INT
              - id: seconds
                type: INT
            tasks:
              - id: work
                type: io.kestra.plugin.scripts.shell.Commands
                taskRunner:
                  type: io.kestra.plugin.core.runner.Process
                commands:
                  - echo {{ inputs.n }} >> '{{{_dir.Combine("marks", "marks")}}}'
                  - sleep {{ inputs.seconds }}
            """);
    }

    public void Dispose() => _dir.Dispose();

    private void WriteParent(int seconds) => File.WriteAllText(_dir.Combine("parent.yml"), """
        id: parent
        namespace: harrier.tests
        tasks:
          - id: make
            type: io.kestra.plugin.scripts.shell.Commands
            taskRunner:
              type: io.kestra.plugin.core.runner.Process
            commands:
              - printf 'a\nb\nc\n' > items.txt
            outputFiles: ["items.txt"]
          - id: each
            type: io.kestra.plugin.core.flow.ForEachItem
            items: "{{ outputs.make.outputFiles['items.txt'] }}"
            namespace: harrier.tests
            flowId: slow
            inputs:
              n: "{{ taskrun.iteration }}"
              seconds: SECONDS
        """.Replace("SECONDS", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

    [Fact]
    public async Task KillingTheParent_KillsTheRunningChildren_AndRunEndsPromptly()
    {
        WriteParent(seconds: 120);
        var data = _dir.Combine("data");
        using var run = CliProcess.Start(_dir.Path, "run", "parent.yml", "--flows", _dir.Combine("flows"), "--data-dir", data);
        // Two run at once on a two-core machine (the default --workers); the third waits for a worker.
        await WaitForAsync(() => Marks().Count >= 2, "the children did not start within 30 s");

        run.Signal(CliProcess.SigInt);

        Assert.Equal(1, await run.ExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(["KILLED", "KILLED", "KILLED", "KILLED"], Executions(data).Select(e => e.State));
    }

    [Fact]
    public async Task KillMinus9WhileTheChildrenRun_ThenRecover_FinishesEveryBatchOnce_AndTheParent()
    {
        WriteParent(seconds: 2);
        var data = _dir.Combine("data");
        using (var run = CliProcess.Start(_dir.Path, "run", "parent.yml", "--flows", _dir.Combine("flows"), "--data-dir", data))
        {
            await WaitForAsync(() => Marks().Count >= 1, "no child started within 30 s");
            run.Signal(9);
            await run.ExitAsync(TimeSpan.FromSeconds(10));
        }

        using var recover = CliProcess.Start(_dir.Path, "executions", "recover", "--data-dir", data);
        Assert.True(await recover.ExitAsync(TimeSpan.FromSeconds(90)) == 0, recover.Output + recover.Error);

        var executions = Executions(data);
        Assert.All(executions, e => Assert.Equal("SUCCESS", e.State));
        Assert.Equal(3, executions.Count(e => e.FlowId == "slow"));
        // A batch interrupted by the kill runs again (a new attempt); none is missing.
        Assert.Equal(["1", "2", "3"], Marks().Distinct().Order());
    }

    private List<string> Marks()
    {
        var file = _dir.Combine("marks", "marks");
        return File.Exists(file) ? [.. File.ReadAllLines(file).Where(l => l.Length > 0)] : [];
    }

    private static List<(string FlowId, string State)> Executions(string data)
    {
        if (!File.Exists(Path.Combine(data, "harrier.db")))
        {
            return [];
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        return HarrierCli.Run(["executions", "list", "--json", "--data-dir", data], output, error) == 0
            ? [.. JsonDocument.Parse(output.ToString()).RootElement.EnumerateArray().Select(e => (e.GetProperty("flowId").GetString()!, e.GetProperty("state").GetString()!))]
            : [];
    }

    private static async Task WaitForAsync(Func<bool> condition, string failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(100);
        }
    }
}
