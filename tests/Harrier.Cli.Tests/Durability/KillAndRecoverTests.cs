using Harrier.Cli.Tests.Running;
using Harrier.Core.Engine;
using Harrier.Core.Engine.Coordination;
using Harrier.Core.Engine.Recovery;
using Harrier.Core.Executions;
using Harrier.TestKit.Processes;
using Xunit.Abstractions;

namespace Harrier.Cli.Tests.Durability;

/// <summary>
/// <c>kill -9</c> of <c>harrier run</c> at a random moment of a flow mixing sequential, parallel, ForEach and script tasks,
/// then <c>harrier executions recover</c>: the execution ends as an uninterrupted run would; steps that had finished
/// never run again, interrupted ones run again (their attempts show it); no log line stored before the kill is lost;
/// nothing the dead run started still runs. Ten trials here; <c>scripts/stress</c> runs a hundred.
/// </summary>
public sealed class KillAndRecoverTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>Ten trials, or <c>HARRIER_STRESS_TRIALS</c> of them (<c>scripts/stress</c>).</summary>
    public static TheoryData<int> Trials => [.. Enumerable.Range(1, StressTrials.Count(10))];

    [Theory]
    [MemberData(nameof(Trials))]
    public async Task KillNine_AtARandomMoment_ThenRecover_EndsAsAnUninterruptedRunWould(int trial)
    {
        using var folder = new TempFolder();
        var marks = Directory.CreateDirectory(Path.Combine(folder.Path, "marks")).FullName;
        var flow = folder.File("crash.yml", CrashFlow.Yaml(marks));
        var data = Path.Combine(folder.Path, "data");
        var delay = TimeSpan.FromMilliseconds(new Random(trial * 7919).Next(300, 3500));

        using var run = HarrierProcess.Start(folder.Path, "run", flow, "--data-dir", data);
        var deadIdentity = ProcessIdentity.Of(run.Id);
        var dead = deadIdentity?.ToString();
        await Task.Delay(delay);
        var before = await StoreSnapshot.ReadAsync(data);
        run.KillHard();
        output.WriteLine($"trial {trial}: killed after {delay.TotalMilliseconds} ms; SUCCESS then: {string.Join(", ", before.TaskRuns.Where(r => r.State == State.Success).Select(r => r.TaskId))}");

        var (exit, recoverOutput) = await HarrierProcess.RunAsync(folder.Path, Patience, "executions", "recover", "--data-dir", data);
        output.WriteLine(recoverOutput);

        Assert.True(exit == 0, $"recover exited {exit}:\n{recoverOutput}\nthe run printed:\n{run.Output}");
        var after = await StoreSnapshot.ReadAsync(data);
        if (before.Execution is null && after.Execution is null)
        {
            // Killed before it stored anything: nothing to recover, and nothing may have run.
            Assert.False(File.Exists(Path.Combine(marks, "marks")));
            return;
        }

        Assert.Equal(State.Success, after.Execution!.State);
        var counts = MarkCounts(marks);
        Assert.All(CrashFlow.Steps, step => Assert.True(counts.GetValueOrDefault(step) >= 1, $"step '{step}' never ran; marks: {Describe(counts)}"));
        foreach (var finished in before.TaskRuns.Where(r => r.State == State.Success).Select(StoreSnapshot.MarkOf).OfType<string>())
        {
            Assert.True(counts[finished] == 1, $"'{finished}' had finished before the kill and ran again; marks: {Describe(counts)}");
        }

        Assert.All(after.TaskRuns, r => Assert.True(r.State == State.Success && r.Attempts[^1].State == State.Success, $"{r.TaskId} {r.Value}: {r.State}"));
        Assert.All(after.TaskRuns.SelectMany(r => r.Attempts.SkipLast(1)), a => Assert.Equal(State.Killed, a.State));
        foreach (var step in after.TaskRuns.Where(r => StoreSnapshot.MarkOf(r) is not null))
        {
            // A step that ran twice was interrupted once: its attempts say so.
            Assert.True(counts[StoreSnapshot.MarkOf(step)!] <= step.Attempts.Count, $"{step.TaskId} {step.Value} ran {counts[StoreSnapshot.MarkOf(step)!]} times in {step.Attempts.Count} attempts");
        }

        var kept = after.Logs.ToDictionary(l => l.Sequence);
        Assert.All(before.Logs, line => Assert.True(kept.TryGetValue(line.Sequence, out var same) && same.Message == line.Message, $"log line {line.Sequence} '{line.Message}' was lost"));
        Assert.Empty(dead is null ? [] : LeftoverSweeper.FindMarkedProcesses(worker => worker == dead));
        var scratch = Harrier.Core.Storage.PrivateFolder.UserTempPath("harrier");
        Assert.Empty(deadIdentity is null || !Directory.Exists(scratch) ? [] : Directory.GetDirectories(scratch, $"{EngineOptions.ScratchPrefix}{deadIdentity.ToFileName()}.*"));
        Assert.All(Directory.GetFiles(marks, "long-*.pid"), pidFile => Assert.Null(ProcessIdentity.Of(int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture))));
    }

    private static Dictionary<string, int> MarkCounts(string marks)
    {
        var file = Path.Combine(marks, "marks");
        return File.Exists(file)
            ? File.ReadAllLines(file).Where(l => l.Length > 0).GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count())
            : [];
    }

    private static string Describe(Dictionary<string, int> counts) => string.Join(", ", counts.Select(c => $"{c.Key}×{c.Value}"));
}
