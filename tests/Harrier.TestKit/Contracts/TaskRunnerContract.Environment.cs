using Xunit;

namespace Harrier.TestKit.Contracts;

/// <summary>The environment and the working directory a run gets, and the files it shares with the host through it.</summary>
public abstract partial class TaskRunnerContract
{
    [Fact]
    public async Task Run_GivesTheProgramTheRequestsEnvironmentVariables_ValuesUnchanged()
    {
        var environment = new Dictionary<string, string>
        {
            ["GREETING"] = "hello world",
            ["WITH_EQUALS"] = "a=b=c",
            ["UNICODE"] = "é ☃",
            ["EMPTY"] = "",
        };

        // `${X-unset}` tells an empty variable from a missing one.
        var (result, sink) = await RunAsync(Shell("for v in GREETING WITH_EQUALS UNICODE EMPTY; do eval \"echo \\\"$v=[\\${$v-unset}]\\\"\"; done", environment));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["GREETING=[hello world]", "WITH_EQUALS=[a=b=c]", "UNICODE=[é ☃]", "EMPTY=[]"], sink.Stdout);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Run_SeesTheWorkersOwnEnvironment_OnlyWhenInheritedAndTheRunnerCanInheritIt(bool inherit)
    {
        // Set on this test process (the "worker"); the name is unique to this suite, so no other test reads it.
        Environment.SetEnvironmentVariable("HARRIER_CONTRACT_WORKER_ONLY", "from-the-worker");
        var request = Shell("echo \"[${HARRIER_CONTRACT_WORKER_ONLY-unset}]\"; echo \"[$FROM_REQUEST]\"", new Dictionary<string, string> { ["FROM_REQUEST"] = "kept" })
            with { InheritEnvironment = inherit };

        var (_, sink) = await RunAsync(request);

        var expected = inherit && CanInheritWorkerEnvironment ? "[from-the-worker]" : "[unset]";
        Assert.Equal([expected, "[kept]"], sink.Stdout);
    }

    [Fact]
    public async Task Run_RequestVariablesOverrideTheWorkersOwn_WhenInherited()
    {
        Environment.SetEnvironmentVariable("HARRIER_CONTRACT_OVERRIDDEN", "from-the-worker");

        var (_, sink) = await RunAsync(Shell("echo \"$HARRIER_CONTRACT_OVERRIDDEN\"", new Dictionary<string, string> { ["HARRIER_CONTRACT_OVERRIDDEN"] = "from-the-request" }));

        Assert.Equal(["from-the-request"], sink.Stdout);
    }

    [Fact]
    public async Task Run_StartsInTheRequestsWorkingDirectory_UnderTheSamePath()
    {
        // The same path inside and out: WORKING_DIR and rendered {{ workingDir }} are host paths.
        var (result, sink) = await RunAsync(Shell("pwd"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([Directory.Path], sink.Stdout);
    }

    [Fact]
    public async Task Run_SeesTheWorkingDirectorysFiles_AndLeavesWhatItWritesThereForTheHost()
    {
        // inputFiles are written before the run, outputFiles read after it: whatever the runner's file strategy (same
        // folder, bind mount, copy in and out), both directions must hold once RunAsync has returned.
        await File.WriteAllTextAsync(Directory.File("input.txt"), "from the host\n");

        var (result, sink) = await RunAsync(Shell("cat input.txt; mkdir -p out/sub; echo made > out/sub/made.txt; echo changed > input.txt"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["from the host"], sink.Stdout);
        Assert.Equal("made\n", await File.ReadAllTextAsync(Directory.File("out/sub/made.txt")));
        Assert.Equal("changed\n", await File.ReadAllTextAsync(Directory.File("input.txt")));
    }

    [Fact]
    public async Task Run_LeavesItsFilesForTheHost_AlsoWhenItFails()
    {
        // A failed task's files still matter: a retry or an error handler reads what it left.
        var (result, _) = await RunAsync(Shell("echo partial > partial.txt; exit 3"));

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("partial\n", await File.ReadAllTextAsync(Directory.File("partial.txt")));
    }
}
