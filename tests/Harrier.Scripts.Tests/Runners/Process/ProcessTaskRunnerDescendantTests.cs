using System.Diagnostics;
using Harrier.Scripts.Runners;
using Harrier.Scripts.Runners.Process;
using Harrier.Scripts.Tests.Support;

namespace Harrier.Scripts.Tests.Runners.Process;

/// <summary>
/// Descendants that leave the task's process group — setsid, a double fork, daemon(3) — are stopped too, when the
/// task ends and when it is killed; other tasks' processes are left alone.
/// </summary>
public sealed class ProcessTaskRunnerDescendantTests : IDisposable
{
    /// <summary>Each script starts one escaping process (and, for the daemon, a child of its own) and writes their pids to pids.txt.</summary>
    public static TheoryData<string, string> Escapes => new()
    {
        { "setsid", "setsid sleep 300 & echo $! >> pids.txt" },
        { "setsid without stdout", "setsid sleep 300 > /dev/null 2>&1 & echo $! >> pids.txt" },
        {
            "double fork",
            "python3 -c \"import os, time\nif os.fork() == 0:\n os.setsid()\n if os.fork() == 0:\n  open('pids.txt', 'a').write(str(os.getpid()) + chr(10)); time.sleep(300)\n os._exit(0)\nos.wait()\""
        },
        {
            "daemon(3) with a child",
            "python3 -c \"import ctypes, os, subprocess, time\nwd = os.getcwd()\nctypes.CDLL(None).daemon(0, 0)\np = subprocess.Popen(['sleep', '300'])\nopen(wd + '/pids.txt', 'a').write(str(os.getpid()) + chr(10) + str(p.pid) + chr(10)); time.sleep(300)\""
        },
    };

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [MemberData(nameof(Escapes))]
    public async Task TaskEnd_StopsDescendantsThatLeftTheGroup_WithinTheDrainWindow(string kind, string script)
    {
        var elapsed = Stopwatch.StartNew();

        var result = await Runner().RunAsync(Request(script + "; sleep 0.5; echo done"), new RecordingOutputSink(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, result.ExitCode);
        Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(3), $"{kind}: the task took {elapsed.Elapsed} to end");
        await AssertAllStoppedAsync(kind);
    }

    [Theory]
    [MemberData(nameof(Escapes))]
    public async Task Kill_StopsDescendantsThatLeftTheGroup(string kind, string script)
    {
        using var cancellation = new CancellationTokenSource();
        var sink = new RecordingOutputSink();
        var started = sink.WhenStdoutLine("started");
        var run = Runner().RunAsync(Request(script + "; sleep 0.5; echo started; sleep 300"), sink, cancellation.Token);

        await started;
        await cancellation.CancelAsync();
        var result = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(result.Killed);
        await AssertAllStoppedAsync(kind);
    }

    [Fact]
    public async Task TheEndOfOneTask_LeavesAnotherTasksEscapedProcessesAlone()
    {
        using var other = new TempDirectory();
        using var cancellation = new CancellationTokenSource();
        var sink = new RecordingOutputSink();
        var started = sink.WhenStdoutLine("started");
        var longTask = Runner().RunAsync(new TaskRunnerRequest(["/bin/sh", "-c", "setsid sleep 300 & echo $! > pid.txt; echo started; sleep 300"], other.Path) { Environment = Path() }, sink, cancellation.Token);
        await started;
        var survivor = int.Parse(await File.ReadAllTextAsync(other.File("pid.txt")));

        await Runner().RunAsync(Request("setsid sleep 300 & echo $! >> pids.txt"), new RecordingOutputSink(), CancellationToken.None);

        await AssertAllStoppedAsync("the short task's own");
        Assert.True(ProcessState.IsRunning(survivor), "the other task's escaped process was stopped by this task's end");
        await cancellation.CancelAsync();
        await longTask.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(await Eventually.TrueAsync(() => !ProcessState.IsRunning(survivor)), "the other task's escaped process survived its own task");
    }

    [Fact]
    public async Task ManyTasks_LeaveNoZombieBehind()
    {
        for (var i = 0; i < 5; i++)
        {
            await Runner().RunAsync(Request("setsid sh -c 'sleep 0.1' & (sleep 0.1 &) ; echo $! >> pids.txt"), new RecordingOutputSink(), CancellationToken.None);
        }

        await Task.Delay(300);
        await Runner().RunAsync(Request("true"), new RecordingOutputSink(), CancellationToken.None);

        var zombies = File.ReadAllText($"/proc/{Environment.ProcessId}/task/{Environment.ProcessId}/children")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(pid => File.ReadAllText($"/proc/{pid}/stat") is var stat && stat[(stat.LastIndexOf(')') + 2)] == 'Z' && stat.Contains("(sleep)", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(zombies);
    }

    private static ProcessTaskRunner Runner() => new();

    private static Dictionary<string, string> Path() => new() { ["PATH"] = Interpreters.SearchPath };

    private TaskRunnerRequest Request(string script) =>
        new(["/bin/sh", "-c", script], _dir.Path) { Environment = Path(), KillGracePeriod = TimeSpan.FromSeconds(2) };

    private async Task AssertAllStoppedAsync(string kind)
    {
        Assert.True(await Eventually.TrueAsync(() => File.Exists(_dir.File("pids.txt")) && File.ReadAllLines(_dir.File("pids.txt")).Length > 0), $"{kind}: no pid written");
        var pids = (await File.ReadAllLinesAsync(_dir.File("pids.txt"))).Where(l => l.Length > 0).Select(int.Parse).ToList();
        try
        {
            foreach (var pid in pids)
            {
                Assert.True(await Eventually.TrueAsync(() => !ProcessState.IsRunning(pid)), $"{kind}: process {pid} outlived its task");
            }
        }
        finally
        {
            // Processes this test started: stopped by their pid whatever the outcome.
            foreach (var pid in pids.Where(ProcessState.IsRunning))
            {
                try
                {
                    System.Diagnostics.Process.GetProcessById(pid).Kill();
                }
                catch (ArgumentException)
                {
                    // Gone meanwhile.
                }
            }
        }
    }
}
