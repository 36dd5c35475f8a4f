using System.Diagnostics;
using Harrier.Scripts.Runners;
using Harrier.TestKit.Support;
using Xunit;

namespace Harrier.TestKit.Contracts;

/// <summary>
/// Cancellation is the kill (of an execution, a task timeout, a worker's drain): the runner stops everything the run
/// started — background children, children in a session of their own — and returns Killed within a bound. A run that
/// ends by itself leaves nothing behind either.
/// </summary>
public abstract partial class TaskRunnerContract
{
    /// <summary>128 + SIGTERM and 128 + SIGKILL: a killed program ends by one of the two.</summary>
    private static readonly int[] KillExitCodes = [128 + 15, 128 + 9];

    /// <summary>A background child in the task's group and one in a new session, both writing their pid to a file, then "ready".</summary>
    private string StartsDescendants =>
        $"sleep 300 & echo $! > background.pid; {NewSessionCommand} sleep 300 & echo $! > new-session.pid; echo ready";

    /// <summary>Runs <paramref name="request"/>, cancels it once it printed "ready"; what it ended with, and how long from the cancel.</summary>
    private async Task<(TaskRunnerResult Result, RecordingOutputSink Sink, TimeSpan KillTook)> CancelWhenReadyAsync(TaskRunnerRequest request)
    {
        using var cancellation = new CancellationTokenSource();
        var sink = new RecordingOutputSink();
        var ready = sink.WhenStdoutLine("ready");
        var run = Runner.RunAsync(request, sink, cancellation.Token);
        await ready;
        var clock = Stopwatch.StartNew();
        await cancellation.CancelAsync();
        var result = await run.WaitAsync(KillBound + TimeSpan.FromSeconds(30));
        return (result, sink, clock.Elapsed);
    }

    [Fact]
    public async Task Cancellation_MidRun_ReturnsKilledWithinTheBound_AndLeavesNoProcessOfTheRun()
    {
        var request = Shell(StartsDescendants + "; sleep 300");
        var (result, _, killTook) = await CancelWhenReadyAsync(request);

        Assert.True(killTook < KillBound, $"the kill took {killTook}");
        Assert.True(result.Killed);
        Assert.Contains(result.ExitCode, KillExitCodes);
        // Checked the moment RunAsync returns, not eventually: the next attempt may start right after it.
        await AssertNothingLeftAsync(request, "after the kill");
    }

    [Fact]
    public async Task Cancellation_LetsATermTrapFinish_OnlyWhenTheRunnerHonoursTheRequestsGracePeriod()
    {
        var request = Shell("trap 'echo caught TERM; exit 0' TERM; echo ready; while true; do sleep 0.1; done") with { KillGracePeriod = TimeSpan.FromSeconds(10) };
        var (result, sink, _) = await CancelWhenReadyAsync(request);

        // Killed either way: the run ended because it was cancelled, even if the program then exited 0 by itself.
        Assert.True(result.Killed);
        if (HonoursRequestKillGracePeriod)
        {
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("caught TERM", sink.Stdout);
        }
        else
        {
            Assert.Equal(128 + 9, result.ExitCode);
            Assert.DoesNotContain("caught TERM", sink.Stdout);
        }

        await AssertNothingLeftAsync(request, "after the kill");
    }

    [Fact]
    public async Task Cancellation_ForceKillsAfterTheGracePeriod_WhenTheProgramIgnoresSigterm()
    {
        // A script that ignores SIGTERM must still end: a timeout that the program can veto is no timeout.
        var request = Shell("trap '' TERM; echo ready; while true; do sleep 0.1; done") with { KillGracePeriod = TimeSpan.FromMilliseconds(500) };
        var (result, _, _) = await CancelWhenReadyAsync(request);

        Assert.Equal(new TaskRunnerResult(128 + 9, Killed: true), result);
        await AssertNothingLeftAsync(request, "after the forced kill");
    }

    [Fact]
    public async Task Timeout_FiringAtAnyMomentOfTheStart_ReturnsKilled_AndLeavesNothing()
    {
        // A task timeout reaches the runner as a token cancelled after a delay, which may land anywhere in the run's
        // start: a container's create, copy-in, attach or start call, a process's spawn. Every moment must end Killed
        // and clean, so the token fires at 0, 15, …, 300 ms, one run each (the Docker runner once left a "created"
        // container when it landed 10–20 ms in, during the create call).
        var failures = new List<string>();
        for (var delay = 0; delay <= 300; delay += 15)
        {
            var request = Shell("echo started; sleep 300");
            using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(delay));
            var clock = Stopwatch.StartNew();

            var result = await Runner.RunAsync(request, new RecordingOutputSink(), timeout.Token).WaitAsync(KillBound + TimeSpan.FromSeconds(30));

            var leftovers = await FindLeftoversAsync(MarkerOf(request));
            if (!result.Killed || clock.Elapsed > KillBound || leftovers.Count > 0)
            {
                failures.Add($"at {delay} ms: {result}, {clock.Elapsed.TotalSeconds:0.0} s, left [{string.Join("; ", leftovers)}]");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Cancellation_BeforeTheRun_ReturnsKilled_AndLeavesNothing()
    {
        // A kill requested while the job waited in the queue: the token is cancelled before RunAsync is even called.
        var request = Shell("sleep 300");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var result = await Runner.RunAsync(request, new RecordingOutputSink(), cancelled.Token).WaitAsync(KillBound + TimeSpan.FromSeconds(30));

        Assert.True(result.Killed);
        await AssertNothingLeftAsync(request, "after a run cancelled beforehand");
    }

    [Fact]
    public async Task MainProgramExit_EndsTheRun_AndStopsWhatItLeftInTheBackground()
    {
        // The background children hold stdout open: a runner waiting for end of file would never return.
        var request = Shell(StartsDescendants + "; echo bye");
        var clock = Stopwatch.StartNew();

        var (result, sink) = await RunAsync(request);

        Assert.Equal(new TaskRunnerResult(0, Killed: false), result);
        Assert.Equal(["ready", "bye"], sink.Stdout);
        Assert.True(clock.Elapsed < KillBound, $"the run took {clock.Elapsed} to end after its main program");
        await AssertNothingLeftAsync(request, "after the main program's exit");
    }
}
