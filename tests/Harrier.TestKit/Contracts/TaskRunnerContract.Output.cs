using Harrier.Scripts.Runners;
using Harrier.TestKit.Support;
using Xunit;

namespace Harrier.TestKit.Contracts;

/// <summary>How lines reach the sink: whole, in order per stream, none lost, never two calls at once.</summary>
public abstract partial class TaskRunnerContract
{
    [Fact]
    public async Task Run_DeliversEachStreamsLinesInOrder_ToItsOwnCallback()
    {
        // Order across the two streams is not promised (two pipes), order within each is.
        var (result, sink) = await RunAsync(Shell("echo out-1; echo err-1 >&2; echo out-2; echo err-2 >&2; echo out-3; echo err-3 >&2"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["out-1", "out-2", "out-3"], sink.Stdout);
        Assert.Equal(["err-1", "err-2", "err-3"], sink.Stderr);
    }

    [Fact]
    public async Task Run_KeepsBlankLines_AndDeliversALastLineThatHasNoNewline_OnBothStreams()
    {
        // A last line without "\n" is often a script's final output (printf, a crash): dropping it loses outputs.
        var (_, sink) = await RunAsync(Shell("printf 'a\\n\\n\\nb\\nlast-out'; printf 'x\\n\\nlast-err' >&2"));

        Assert.Equal(["a", "", "", "b", "last-out"], sink.Stdout);
        Assert.Equal(["x", "", "last-err"], sink.Stderr);
    }

    [Fact]
    public async Task Run_DecodesUtf8_IncludingCharactersSplitAcrossReads()
    {
        // 40 000 three-byte snowmen on one line: the bytes of one character straddle reads of any power-of-two size.
        var (_, sink) = await RunAsync(Shell("i=0; s=☃☃☃☃☃☃☃☃☃☃; while [ $i -lt 12 ]; do s=$s$s; i=$((i+1)); done; printf 'é %s\\n' \"$s\" | head -c 120003; echo"));

        var line = Assert.Single(sink.Stdout);
        Assert.Equal("é " + new string('☃', 40_000), line);
    }

    [Fact]
    public async Task Run_DeliversALineOfTwoMegabytesWhole_WhenUnderTheRunnersLimit()
    {
        // The ::{"outputs":…}:: protocol puts a whole JSON document on one line: cutting it would lose the outputs.
        const int length = 2 * 1024 * 1024;

        var (result, sink) = await RunAsync(Shell($"head -c {length} /dev/zero | tr '\\0' a; echo; echo after"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, sink.Stdout.Count);
        Assert.Equal(length, sink.Stdout[0].Length);
        Assert.True(sink.Stdout[0].All(c => c == 'a'), "the long line's content changed on the way");
        Assert.Equal("after", sink.Stdout[1]);
        Assert.Empty(sink.Cuts);
    }

    [Fact]
    public async Task Run_AnnouncesALineLongerThanTheLimitOnce_ThenDeliversItInPiecesWithNothingLost()
    {
        // A runaway line must not exhaust the worker's memory: it comes in pieces, announced so the sink can tell.
        var runner = await NewRunnerAsync(1024);
        const int length = 256 * 1024;

        var (result, sink) = await RunAsync(Shell($"head -c {length} /dev/zero | tr '\\0' x; echo; echo short"), runner);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([(false, 1024)], sink.Cuts);
        Assert.True(sink.Stdout.Count > 2, "the long line was not cut");
        Assert.Equal("short", sink.Stdout[^1]);
        Assert.Equal(length, sink.Stdout.SkipLast(1).Sum(piece => piece.Length));
        Assert.All(sink.Stdout.SkipLast(1), piece => Assert.True(piece.Length <= 1024 + (64 * 1024), $"a piece of {piece.Length} characters"));
    }

    [Fact]
    public async Task Run_DeliversEveryLineOfBothStreams_WritingFastAtOnce_WithoutOverlappingSinkCalls()
    {
        // Both pipes fill at once (a runner reading one after the other deadlocks); the sink needs no lock of its own.
        var sink = new OverlapDetectingSink();
        var script = "(i=0; while [ $i -lt 3000 ]; do echo err-$i >&2; i=$((i+1)); done) & i=0; while [ $i -lt 3000 ]; do echo out-$i; i=$((i+1)); done; wait";

        var result = await Runner.RunAsync(Shell(script), sink, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Enumerable.Range(0, 3000).Select(i => $"out-{i}"), sink.Recorded.Stdout);
        Assert.Equal(Enumerable.Range(0, 3000).Select(i => $"err-{i}"), sink.Recorded.Stderr);
        Assert.Equal(0, sink.Overlaps);
    }

    [Fact]
    public async Task Run_RethrowsTheSinksFailure_OnceTheProgramEnded_InsteadOfBlockingIt()
    {
        // A sink that throws (a full log store) must not stop the reading: 200 KB after the failure fill any pipe, so a
        // runner that stopped reading would leave the program blocked and this run would never return.
        var request = Shell("echo boom; i=0; while [ $i -lt 20000 ]; do echo line-$i; i=$((i+1)); done");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Runner.RunAsync(request, new ThrowingSink("boom"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.Equal("the sink refused boom", failure.Message);
        await AssertNothingLeftAsync(request, "after a sink failure");
    }

    /// <summary>Counts sink calls that start while another is under way (the runner promises there are none).</summary>
    private sealed class OverlapDetectingSink : ITaskOutputSink
    {
        private int _inside;

        public RecordingOutputSink Recorded { get; } = new();

        public int Overlaps { get; private set; }

        public void OnStdout(string line) => Enter(() => Recorded.OnStdout(line));

        public void OnStderr(string line) => Enter(() => Recorded.OnStderr(line));

        private void Enter(Action deliver)
        {
            if (Interlocked.Increment(ref _inside) > 1)
            {
                Overlaps++;
            }

            // Widen the window a little so an overlap, if the runner allows one, is likely to be seen.
            Thread.SpinWait(200);
            deliver();
            Interlocked.Decrement(ref _inside);
        }
    }

    private sealed class ThrowingSink(string refused) : ITaskOutputSink
    {
        public void OnStdout(string line)
        {
            if (line == refused)
            {
                throw new InvalidOperationException($"the sink refused {line}");
            }
        }

        public void OnStderr(string line)
        {
        }
    }
}
