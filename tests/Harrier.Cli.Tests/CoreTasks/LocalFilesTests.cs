using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.CoreTasks;

/// <summary>Kestra's deprecated <c>storage.LocalFiles</c>: files written into a WorkingDirectory, others uploaded.</summary>
public sealed class LocalFilesTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void InputsAreWrittenForTheNextTasks_AndOutputsAreUploadedAsUris()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: local_files
            namespace: harrier.tests
            tasks:
              - id: dir
                type: io.kestra.plugin.core.flow.WorkingDirectory
                tasks:
                  - id: write
                    type: io.kestra.plugin.core.storage.LocalFiles
                    inputs:
                      data/hello.txt: "hello {{ 'world' }}"
                  - id: shout
                    type: io.kestra.plugin.scripts.shell.Commands
                    taskRunner:
                      type: io.kestra.plugin.core.runner.Process
                    commands:
                      - tr a-z A-Z < data/hello.txt > loud.txt
                  - id: collect
                    type: io.kestra.plugin.core.storage.LocalFiles
                    outputs:
                      - "*.txt"
              - id: show
                type: io.kestra.plugin.core.log.Log
                message: "{{ read(outputs.collect.uris['loud.txt']) }}"
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(["HELLO WORLD"], run.Messages("show"));
    }

    [Fact]
    public void AnInputPathLeavingTheWorkingDirectory_FailsTheTask()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: local_files_escape
            namespace: harrier.tests
            tasks:
              - id: write
                type: io.kestra.plugin.core.storage.LocalFiles
                inputs:
                  ../../escaped.txt: nope
            """);

        Assert.Equal("FAILED", run.State);
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), "escaped.txt")));
    }
}
