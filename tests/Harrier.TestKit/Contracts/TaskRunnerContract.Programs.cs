using Harrier.Scripts.Runners;
using Harrier.TestKit.Support;
using Xunit;

namespace Harrier.TestKit.Contracts;

/// <summary>Which program runs, with which arguments, and how its end is reported: exit codes, missing programs, caller errors.</summary>
public abstract partial class TaskRunnerContract
{
    [Fact]
    public async Task Run_ReturnsExitCodeZero_NotKilled_WhenTheProgramSucceeds()
    {
        var (result, sink) = await RunAsync(Shell("echo hello"));

        Assert.Equal(new TaskRunnerResult(0, Killed: false), result);
        Assert.Equal(["hello"], sink.Stdout);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(66)]
    [InlineData(255)]
    public async Task Run_ReturnsTheProgramsExitCodeAsIs_WhenItFails(int exitCode)
    {
        // The line after `exit` must never run: the result is the program's own end, not a runner's guess.
        var (result, sink) = await RunAsync(Shell($"echo before; exit {exitCode}; echo after"));

        Assert.Equal(new TaskRunnerResult(exitCode, Killed: false), result);
        Assert.Equal(["before"], sink.Stdout);
    }

    [Fact]
    public async Task Run_PassesEachArgumentAsIs_WithoutSplittingOrExpandingIt()
    {
        // "$0" is the argv element after the script; nothing may re-quote, split on spaces or expand $ and * on the way.
        string[] odd = ["two words", "$HOME", "*", "it's \"quoted\"", ""];

        var (result, sink) = await RunAsync(Request(["/bin/sh", "-c", "for a in \"$0\" \"$@\"; do echo \"[$a]\"; done", .. odd]));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(odd.Select(a => $"[{a}]"), sink.Stdout);
    }

    [Fact]
    public async Task Run_ReturnsExitCode127AndSaysWhichProgramIsMissing_InsteadOfThrowing()
    {
        // A typo in a task's command is a user's error: it must end the run like a shell does (127), with a line in the
        // task's log naming the program, not as an exception the worker turns into a stack trace.
        var request = Request(["no-such-program-harrier-contract", "arg"]);

        var (result, sink) = await RunAsync(request);

        Assert.Equal(new TaskRunnerResult(127, Killed: false), result);
        Assert.Contains(sink.Stderr, line => line.Contains("no-such-program-harrier-contract", StringComparison.Ordinal));
        await AssertNothingLeftAsync(request, "after a missing program");
    }

    [Fact]
    public async Task Run_ReturnsExitCode126AndNamesTheProgram_WhenItIsAFileWithoutExecutePermission()
    {
        // A script written by a task (or an inputFile) without chmod +x: "cannot execute", not "not found", so the user
        // looks at the file's mode rather than at PATH.
        await File.WriteAllTextAsync(Directory.File("not-executable.sh"), "#!/bin/sh\necho ran\n");
        File.SetUnixFileMode(Directory.File("not-executable.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var request = Request(["./not-executable.sh"]);

        var (result, sink) = await RunAsync(request);

        Assert.Equal(new TaskRunnerResult(126, Killed: false), result);
        Assert.Empty(sink.Stdout);
        Assert.Contains(sink.Stderr, line => line.Contains("not-executable.sh", StringComparison.Ordinal));
        await AssertNothingLeftAsync(request, "after a program that cannot be executed");
    }

    [Fact]
    public async Task Run_RefusesAnEmptyArgv_WithArgumentException() =>
        await Assert.ThrowsAsync<ArgumentException>(() => Runner.RunAsync(Request([]), new RecordingOutputSink(), CancellationToken.None));

    [Fact]
    public async Task Run_RefusesAWorkingDirectoryThatDoesNotExist_WithDirectoryNotFoundException()
    {
        var request = Shell("true") with { WorkingDirectory = Path.Combine(Directory.Path, "missing") };

        await Assert.ThrowsAsync<DirectoryNotFoundException>(() => Runner.RunAsync(request, new RecordingOutputSink(), CancellationToken.None));
    }

    [Fact]
    public async Task TwoRunsAtOnce_OnOneRunner_KeepTheirOutputAndExitCodesApart()
    {
        // One runner instance serves every task of a worker: runs must not share sinks, state or results.
        var first = RunAsync(Shell("for i in 1 2 3 4 5; do echo first-$i; done; exit 3"));
        var second = RunAsync(Shell("for i in 1 2 3 4 5; do echo second-$i; done; exit 4"));
        await Task.WhenAll(first, second);

        Assert.Equal(new TaskRunnerResult(3, false), (await first).Result);
        Assert.Equal(new TaskRunnerResult(4, false), (await second).Result);
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"first-{i}"), (await first).Sink.Stdout);
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"second-{i}"), (await second).Sink.Stdout);
    }
}
