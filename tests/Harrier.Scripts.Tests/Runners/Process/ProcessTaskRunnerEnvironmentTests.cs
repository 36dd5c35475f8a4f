using Harrier.Scripts.Runners;
using Harrier.Scripts.Runners.Process;
using Harrier.Scripts.Tests.Support;

namespace Harrier.Scripts.Tests.Runners.Process;

public sealed class ProcessTaskRunnerEnvironmentTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Run_GivesTheComputedVariables_AndInheritsTheWorkerEnvironment()
    {
        var home = Environment.GetEnvironmentVariable("HOME");
        var request = new TaskRunnerRequest(["/bin/sh", "-c", "echo \"$MY_VAR|$HOME\""], _dir.Path)
        {
            Environment = new Dictionary<string, string> { ["MY_VAR"] = "a value with spaces" },
        };
        var sink = new RecordingOutputSink();

        await new ProcessTaskRunner().RunAsync(request, sink, CancellationToken.None);

        Assert.Equal($"a value with spaces|{home}", Assert.Single(sink.Stdout));
    }

    [Fact]
    public async Task Run_ComputedVariablesOverrideInheritedOnes()
    {
        var request = new TaskRunnerRequest(["/bin/sh", "-c", "echo \"$HOME\""], _dir.Path)
        {
            Environment = new Dictionary<string, string> { ["HOME"] = "/overridden" },
        };
        var sink = new RecordingOutputSink();

        await new ProcessTaskRunner().RunAsync(request, sink, CancellationToken.None);

        Assert.Equal("/overridden", Assert.Single(sink.Stdout));
    }

    [Fact]
    public async Task Run_StartsFromAnEmptyEnvironment_WhenInheritanceIsOff()
    {
        var request = new TaskRunnerRequest(["/bin/sh", "-c", "echo \"[$HOME][$ONLY]\""], _dir.Path)
        {
            InheritEnvironment = false,
            Environment = new Dictionary<string, string> { ["ONLY"] = "me", ["PATH"] = "/usr/bin:/bin" },
        };
        var sink = new RecordingOutputSink();

        await new ProcessTaskRunner().RunAsync(request, sink, CancellationToken.None);

        Assert.Equal("[][me]", Assert.Single(sink.Stdout));
    }

    [Fact]
    public async Task Run_Returns127WithAClearMessage_WhenTheProgramDoesNotExist()
    {
        var request = new TaskRunnerRequest(["no-such-program-xyz", "arg"], _dir.Path)
        {
            Environment = new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" },
        };
        var sink = new RecordingOutputSink();

        var result = await new ProcessTaskRunner().RunAsync(request, sink, CancellationToken.None);

        Assert.Equal(127, result.ExitCode);
        var message = Assert.Single(sink.Stderr);
        Assert.Contains("'no-such-program-xyz'", message, StringComparison.Ordinal);
        Assert.Contains("PATH=/usr/bin:/bin", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_FindsAProgramRelativeToTheWorkingDirectory()
    {
        var script = _dir.File("run.sh");
        await File.WriteAllTextAsync(script, "#!/bin/sh\necho relative ok\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var sink = new RecordingOutputSink();

        var result = await new ProcessTaskRunner().RunAsync(new TaskRunnerRequest(["./run.sh"], _dir.Path), sink, CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("relative ok", Assert.Single(sink.Stdout));
    }

    [Fact]
    public async Task Run_GivesTheScriptAnEmptyStdin()
    {
        var sink = new RecordingOutputSink();

        var result = await new ProcessTaskRunner().RunAsync(new TaskRunnerRequest(["/bin/sh", "-c", "cat; echo done"], _dir.Path), sink, CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["done"], sink.Stdout);
    }

    [Fact]
    public async Task Run_Returns126WithAClearMessage_WhenTheFileCannotBeExecuted()
    {
        var file = _dir.File("not-a-program");
        await File.WriteAllBytesAsync(file, [0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 0]);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var sink = new RecordingOutputSink();

        var result = await new ProcessTaskRunner().RunAsync(new TaskRunnerRequest(["./not-a-program"], _dir.Path), sink, CancellationToken.None);

        Assert.Equal(126, result.ExitCode);
        Assert.Contains("cannot run './not-a-program'", Assert.Single(sink.Stderr), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_KeepsArgvZeroAsWritten()
    {
        var sink = new RecordingOutputSink();

        await new ProcessTaskRunner().RunAsync(new TaskRunnerRequest(["sh", "-c", "echo $0"], _dir.Path), sink, CancellationToken.None);

        Assert.Equal("sh", Assert.Single(sink.Stdout));
    }
}
