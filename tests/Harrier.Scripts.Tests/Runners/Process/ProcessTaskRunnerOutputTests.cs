using Harrier.Scripts.Runners;
using Harrier.Scripts.Runners.Process;
using Harrier.Scripts.Tests.Support;

namespace Harrier.Scripts.Tests.Runners.Process;

public sealed class ProcessTaskRunnerOutputTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Run_CountsStdoutAndStderrLines_AndSucceeds_WhenOnlyStderrIsWritten()
    {
        // §12.1 #1: stderr alone never fails the task.
        var run = await ShellRun.ShAsync("set -e\necho 0\necho 1\n>&2 echo 2\n>&2 echo 3", _dir.Path);

        Assert.Equal(0, run.Result.ExitCode);
        Assert.Equal(2, run.Collector.StdOutLineCount);
        Assert.Equal(2, run.Collector.StdErrLineCount);
    }

    [Fact]
    public async Task Run_ReturnsExitCode66_AndStopsThere_WhenACommandExits66()
    {
        // §12.1 #2
        var run = await ShellRun.ShAsync("set -e\necho 1 1>&2\nexit 66\necho 2", _dir.Path);

        Assert.Equal(66, run.Result.ExitCode);
        Assert.False(run.Result.Killed);
        Assert.Equal(0, run.Collector.StdOutLineCount);
        Assert.Equal(1, run.Collector.StdErrLineCount);
    }

    [Fact]
    public async Task Run_Returns127_WhenFailFastAndACommandIsUnknown()
    {
        // §12.1 #3
        var run = await ShellRun.ShAsync("set -e\nunknown\necho 1", _dir.Path);

        Assert.Equal(127, run.Result.ExitCode);
        Assert.Equal(0, run.Collector.StdOutLineCount);
        Assert.Equal(1, run.Collector.StdErrLineCount);
    }

    [Fact]
    public async Task Run_Succeeds_WhenNotFailFastAndAnEarlierCommandIsUnknown()
    {
        // §12.1 #4
        var run = await ShellRun.ShAsync("unknown\necho 1", _dir.Path);

        Assert.Equal(0, run.Result.ExitCode);
        Assert.Equal(1, run.Collector.StdOutLineCount);
        Assert.Equal(1, run.Collector.StdErrLineCount);
    }

    [Fact]
    public async Task Run_KeepsANullOutputValue()
    {
        // §12.1 #6
        var run = await ShellRun.ShAsync("set -e\necho '::{\"outputs\": {\"extract\":null}}::'", _dir.Path);

        Assert.Equal(1, run.Collector.StdOutLineCount);
        Assert.True(run.Collector.Outputs.ContainsKey("extract"));
        Assert.Null(run.Collector.Outputs["extract"]);
    }

    [Fact]
    public async Task Run_StartsInTheWorkingDirectory()
    {
        // §12.1 #9-like: the working directory is the process's current directory.
        var run = await ShellRun.RunAsync(["/bin/sh", "-c", "pwd"], _dir.Path);

        Assert.Equal(new DirectoryInfo(_dir.Path).FullName, run.Logs.Lines.Single().Message);
    }

    [Fact]
    public async Task Run_PassesArgvUnsplit_WhenTheProgramIsNotAShell()
    {
        var run = await ShellRun.RunAsync(["printf", "%s|%s\\n", "a b", "$HOME"], _dir.Path);

        Assert.Equal("a b|$HOME", run.Logs.Lines.Single().Message);
    }

    [Fact]
    public async Task Run_DeliversAll2000Lines_WhenALoopPrintsFast()
    {
        // §12.2 #11
        var bash = Interpreters.Require("bash");
        var run = await ShellRun.RunAsync([bash, "-c", "for i in $(seq 1 2000); do echo $i; done"], _dir.Path);

        Assert.Equal(2000, run.Collector.StdOutLineCount);
        Assert.Equal(0, run.Collector.StdErrLineCount);
        Assert.Equal(Enumerable.Range(1, 2000).Select(i => i.ToString()), run.Logs.Lines.Select(l => l.Message));
    }

    [Fact]
    public async Task Run_DeliversBlankLines_AndTheLastLineWithoutNewline()
    {
        var sink = new RecordingOutputSink();
        await Runner().RunAsync(new TaskRunnerRequest(["printf", "a\\n\\n\\r\\nb"], _dir.Path), sink, CancellationToken.None);

        Assert.Equal(["a", "", "", "b"], sink.Stdout);
    }

    [Fact]
    public async Task Run_ReplacesInvalidUtf8Bytes_AndKeepsValidMultibyteText()
    {
        var sink = new RecordingOutputSink();
        await Runner().RunAsync(new TaskRunnerRequest(["printf", "\\377ok é ☃\\n"], _dir.Path), sink, CancellationToken.None);

        Assert.Equal("\uFFFDok é ☃", Assert.Single(sink.Stdout));
    }

    [Fact]
    public async Task Run_DeliversA5MegabyteLineWhole()
    {
        var sink = new RecordingOutputSink();
        await Runner().RunAsync(new TaskRunnerRequest(["/bin/sh", "-c", "head -c 5000000 /dev/zero | tr '\\0' x; echo; echo end"], _dir.Path), sink, CancellationToken.None);

        Assert.Equal(2, sink.Stdout.Count);
        Assert.Equal(5_000_000, sink.Stdout[0].Length);
        Assert.Equal("end", sink.Stdout[1]);
    }

    [Fact]
    public async Task Run_CutsALineIntoPieces_WhenItExceedsMaxLineBytes()
    {
        var runner = new ProcessTaskRunner(new ProcessTaskRunnerOptions { MaxLineBytes = 1024 });
        var sink = new RecordingOutputSink();
        await runner.RunAsync(new TaskRunnerRequest(["/bin/sh", "-c", "head -c 300000 /dev/zero | tr '\\0' x"], _dir.Path), sink, CancellationToken.None);

        Assert.Equal(300_000, sink.Stdout.Sum(l => l.Length));
        Assert.All(sink.Stdout, line => Assert.True(line.Length < 1024 + 64 * 1024));
        Assert.True(sink.Stdout.Count > 1);
    }

    [Fact]
    public async Task Run_ReadsStdoutAndStderrConcurrently_WhenBothPipesFill()
    {
        // Each stream writes far more than a pipe buffer (64 KiB): a sequential reader would deadlock.
        var sink = new RecordingOutputSink();
        var script = "i=0; while [ $i -lt 3000 ]; do echo out$i; echo err$i >&2; i=$((i+1)); done";
        var result = await Runner().RunAsync(new TaskRunnerRequest(["/bin/sh", "-c", script], _dir.Path), sink, CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(3000, sink.Stdout.Count);
        Assert.Equal(3000, sink.Stderr.Count);
    }

    private static ProcessTaskRunner Runner() => new();
}
