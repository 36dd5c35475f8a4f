using System.Diagnostics;
using Harrier.Scripts.Runners;
using Harrier.Scripts.Runners.Process;
using Harrier.Scripts.Tests.Support;

namespace Harrier.Scripts.Tests.Runners.Process;

public sealed class ProcessTaskRunnerKillTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(ChildLauncher.PosixSpawn)]
    [InlineData(ChildLauncher.SetsidBinary)]
    public async Task Cancel_KillsTheWholeTree_IncludingABackgroundGrandchild(ChildLauncher launcher)
    {
        var script = "sleep 300 & echo $! > grandchild.pid; echo started; sleep 300";
        using var cancellation = new CancellationTokenSource();
        var sink = new RecordingOutputSink();
        var started = sink.WhenStdoutLine("started");
        var run = Runner(launcher).RunAsync(new TaskRunnerRequest(["/bin/sh", "-c", script], _dir.Path), sink, cancellation.Token);

        await started.WaitAsync(TimeSpan.FromSeconds(10));
        var grandchild = int.Parse(await File.ReadAllTextAsync(_dir.File("grandchild.pid")));
        Assert.True(ProcessState.IsRunning(grandchild));
        await cancellation.CancelAsync();
        var result = await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(result.Killed);
        Assert.Equal(128 + 15, result.ExitCode);
        Assert.True(await Eventually.TrueAsync(() => !ProcessState.IsRunning(grandchild)), $"grandchild {grandchild} survived the kill");
    }

    [Theory]
    [InlineData(ChildLauncher.PosixSpawn)]
    [InlineData(ChildLauncher.SetsidBinary)]
    public async Task Cancel_ForceKillsAfterTheGracePeriod_WhenTheScriptIgnoresSigterm(ChildLauncher launcher)
    {
        var script = "trap '' TERM; echo ready; while :; do sleep 1; done";
        using var cancellation = new CancellationTokenSource();
        var sink = new RecordingOutputSink();
        var ready = sink.WhenStdoutLine("ready");
        var request = new TaskRunnerRequest(["/bin/sh", "-c", script], _dir.Path) { KillGracePeriod = TimeSpan.FromMilliseconds(200) };
        var run = Runner(launcher).RunAsync(request, sink, cancellation.Token);

        await ready.WaitAsync(TimeSpan.FromSeconds(10));
        await cancellation.CancelAsync();
        var result = await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(result.Killed);
        Assert.Equal(128 + 9, result.ExitCode);
    }

    [Theory]
    [InlineData(ChildLauncher.PosixSpawn)]
    [InlineData(ChildLauncher.SetsidBinary)]
    public async Task Run_EndsAndStopsLeftovers_WhenTheMainProcessExitsButABackgroundChildHoldsStdout(ChildLauncher launcher)
    {
        var script = "sleep 300 & echo $! > leftover.pid; echo bye";
        var options = new ProcessTaskRunnerOptions { PostExitDrainWindow = TimeSpan.FromMilliseconds(100), Launcher = launcher };
        var sink = new RecordingOutputSink();
        var elapsed = Stopwatch.StartNew();

        var result = await new ProcessTaskRunner(options).RunAsync(new TaskRunnerRequest(["/bin/sh", "-c", script], _dir.Path), sink, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(0, result.ExitCode);
        Assert.False(result.Killed);
        Assert.Equal(["bye"], sink.Stdout);
        Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(5), $"took {elapsed.Elapsed}");
        var leftover = int.Parse(await File.ReadAllTextAsync(_dir.File("leftover.pid")));
        Assert.True(await Eventually.TrueAsync(() => !ProcessState.IsRunning(leftover)), $"leftover {leftover} survived the task");
    }

    [Theory]
    [InlineData(ChildLauncher.PosixSpawn)]
    [InlineData(ChildLauncher.SetsidBinary)]
    public async Task Run_StopsLeftovers_EvenWhenTheyReleasedStdout(ChildLauncher launcher)
    {
        var script = "sleep 300 > /dev/null 2>&1 & echo $! > leftover.pid";
        var result = await Runner(launcher).RunAsync(new TaskRunnerRequest(["/bin/sh", "-c", script], _dir.Path), new RecordingOutputSink(), CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        var leftover = int.Parse(await File.ReadAllTextAsync(_dir.File("leftover.pid")));
        Assert.True(await Eventually.TrueAsync(() => !ProcessState.IsRunning(leftover)), $"leftover {leftover} survived the task");
    }

    [Theory]
    [InlineData(ChildLauncher.PosixSpawn)]
    [InlineData(ChildLauncher.SetsidBinary)]
    public async Task Child_LeadsItsOwnProcessGroupAndSession(ChildLauncher launcher)
    {
        var sink = new RecordingOutputSink();

        await Runner(launcher).RunAsync(new TaskRunnerRequest(["/bin/sh", "-c", "echo $$; cut -d' ' -f5,6 /proc/$$/stat"], _dir.Path), sink, CancellationToken.None);

        var pid = sink.Stdout[0].Trim();
        Assert.Equal([pid, pid], sink.Stdout[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Child_HasDefaultSigpipe_SoAPipelineEndsQuietly()
    {
        // The .NET runtime ignores SIGPIPE and System.Diagnostics.Process children inherit that (the
        // setsid fallback prints "yes: standard output: Broken pipe" here); posix_spawn resets it.
        var sink = new RecordingOutputSink();

        var result = await Runner(ChildLauncher.PosixSpawn).RunAsync(new TaskRunnerRequest(["/bin/sh", "-c", "yes | head -n 1"], _dir.Path), sink, CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["y"], sink.Stdout);
        Assert.Empty(sink.Stderr);
    }

    [Fact]
    public async Task Run_StillEnds_WhenADescendantEscapesTheGroupAndHoldsStdout()
    {
        // setsid gives the sleep its own session: out of the group's reach, holding stdout open.
        var script = "setsid sleep 300 & echo $! > daemon.pid; echo done";
        var options = new ProcessTaskRunnerOptions { PostExitDrainWindow = TimeSpan.FromMilliseconds(100) };
        var request = new TaskRunnerRequest(["/bin/sh", "-c", script], _dir.Path) { KillGracePeriod = TimeSpan.FromMilliseconds(100) };
        var sink = new RecordingOutputSink();
        try
        {
            var result = await new ProcessTaskRunner(options).RunAsync(request, sink, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

            Assert.Equal(0, result.ExitCode);
            Assert.Equal(["done"], sink.Stdout);
        }
        finally
        {
            // The escaped daemon was started by this test: stop it by its pid.
            if (File.Exists(_dir.File("daemon.pid")) && int.TryParse(await File.ReadAllTextAsync(_dir.File("daemon.pid")), out var pid))
            {
                try
                {
                    System.Diagnostics.Process.GetProcessById(pid).Kill();
                }
                catch (ArgumentException)
                {
                    // Already gone.
                }
            }
        }
    }

    [Fact]
    public async Task Cancel_StopsTheRun_WhenItComesBeforeTheSetsidLauncherMadeTheGroup()
    {
        // A stand-in for util-linux setsid that waits a second before becoming it (perl's sleep starts no child): it
        // widens the moment, normally a millisecond, where the child does not lead its group yet. A kill in it found
        // nothing to signal and the run then waited for the script to end (TaskRunnerContract's timeout sweep hung once).
        var slowSetsid = _dir.File("slow-setsid-standin");
        await File.WriteAllTextAsync(slowSetsid, "#!/usr/bin/perl\n# slow-setsid-standin: sleeps, then execs the real setsid\nsleep 1;\nexec '/usr/bin/setsid', @ARGV;\n");
        File.SetUnixFileMode(slowSetsid, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var runner = new ProcessTaskRunner(new ProcessTaskRunnerOptions { Launcher = ChildLauncher.SetsidBinary, SetsidPath = slowSetsid });
        var request = new TaskRunnerRequest(["/bin/sh", "-c", "echo $$ > main.pid; sleep 300"], _dir.Path) { KillGracePeriod = TimeSpan.FromMilliseconds(200) };
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var result = await runner.RunAsync(request, new RecordingOutputSink(), cancellation.Token).WaitAsync(TimeSpan.FromSeconds(15));

        Assert.True(result.Killed);
        Assert.True(File.Exists(_dir.File("main.pid")), "the script never started: the test did not exercise a kill before the group existed");
        Assert.False(ProcessState.IsRunning(int.Parse(await File.ReadAllTextAsync(_dir.File("main.pid")))), "the script survived the kill");
    }

    private static ProcessTaskRunner Runner(ChildLauncher launcher) => new(new ProcessTaskRunnerOptions { Launcher = launcher });
}
