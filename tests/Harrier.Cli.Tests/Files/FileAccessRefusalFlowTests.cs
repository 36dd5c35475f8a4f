namespace Harrier.Cli.Tests.Files;

/// <summary>Paths and URIs that must not reach what they name: other executions' files, keys leaving the working directory, local files, traversal.</summary>
public sealed class FileAccessRefusalFlowTests : IDisposable
{
    private readonly FlowSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void AnotherExecutionsFile_IsRefused_ByReadAndByInputFiles()
    {
        var first = _sandbox.Run("""
            id: producer
            namespace: company.team
            tasks:
              - id: gen
                type: io.kestra.plugin.scripts.shell.Commands
                outputFiles: [secret.txt]
                commands:
                  - printf 'secret' > secret.txt
            """);
        var uri = first.OutputFiles("gen")["secret.txt"];

        var thief = _sandbox.Run("""
            id: thief
            namespace: company.team
            inputs:
              - id: uri
                type: STRING
            tasks:
              - id: steal
                type: io.kestra.plugin.core.log.Log
                message: "{{ read(inputs.uri) }}"
              - id: steal_file
                type: io.kestra.plugin.scripts.shell.Commands
                inputFiles:
                  got.txt: "{{ inputs.uri }}"
                commands:
                  - cat got.txt
            """, "--input", $"uri={uri}");

        Assert.Equal("FAILED", thief.State);
        Assert.Contains("belongs to another execution", thief.AllLogs, StringComparison.Ordinal);
        Assert.DoesNotContain("secret\n", thief.AllLogs + "\n", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("../escape.txt")]
    [InlineData("a/../../escape.txt")]
    public void InputFileKeys_ThatLeaveTheWorkingDirectory_FailTheTaskWithAClearError(string key)
    {
        var run = _sandbox.Run($$"""
            id: bad_key
            namespace: company.team
            tasks:
              - id: t
                type: io.kestra.plugin.scripts.shell.Commands
                inputFiles:
                  "{{key}}": x
                commands:
                  - echo never
            """);

        Assert.Equal("FAILED", run.State);
        Assert.Contains("must be a relative path without '..'", run.AllLogs, StringComparison.Ordinal);
    }

    [Fact]
    public void InputFiles_ThroughASymlinkPlantedByAnEarlierTask_AreRefused_BeforeAnythingIsCreatedOutside()
    {
        var outside = Path.Combine(_sandbox.Root, "outside");
        Directory.CreateDirectory(outside);
        var run = _sandbox.Run($$"""
            id: planted_link
            namespace: company.team
            tasks:
              - id: wd
                type: io.kestra.plugin.core.flow.WorkingDirectory
                tasks:
                  - id: plant
                    type: io.kestra.plugin.scripts.shell.Commands
                    commands:
                      - ln -s {{outside}} link
                  - id: write
                    type: io.kestra.plugin.scripts.shell.Commands
                    inputFiles:
                      link/made/by/harrier/x.txt: pwned
                    commands:
                      - echo never
            """);

        Assert.Equal("FAILED", run.State);
        Assert.Contains("inputFiles key 'link/made/by/harrier/x.txt'", run.AllLogs, StringComparison.Ordinal);
        Assert.Contains("goes through the symbolic link", run.AllLogs, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(outside));
    }

    [Fact]
    public void FileUris_AreRefusedUnlessTheServerAllowsTheirFolder()
    {
        var local = _sandbox.WriteFile("local.txt", "local");
        var run = _sandbox.Run($$"""
            id: file_uri
            namespace: company.team
            tasks:
              - id: t
                type: io.kestra.plugin.scripts.shell.Commands
                inputFiles:
                  x.txt: "file://{{local}}"
                commands:
                  - cat x.txt
            """);

        Assert.Equal("FAILED", run.State);
        Assert.Contains("reading local files is not allowed", run.AllLogs, StringComparison.Ordinal);
    }

    [Fact]
    public void FilesGet_WritesToAFileWithO_AndFailsCleanlyOnMissingOrEscapingUris()
    {
        var run = _sandbox.Run("""
            id: get_me
            namespace: company.team
            tasks:
              - id: gen
                type: io.kestra.plugin.scripts.shell.Commands
                outputFiles: [a.bin]
                commands:
                  - printf 'bytes' > a.bin
            """);
        var target = Path.Combine(_sandbox.Root, "got.bin");

        Assert.Equal(0, _sandbox.Cli("files", "get", run.OutputFiles("gen")["a.bin"], "-o", target).ExitCode);
        Assert.Equal("bytes", File.ReadAllText(target));
        Assert.Equal(1, _sandbox.Cli("files", "get", "harrier:///company/team/nothing.txt").ExitCode);
        var escape = _sandbox.Cli("files", "get", "harrier:///../../etc/passwd");
        Assert.Equal(2, escape.ExitCode);
        Assert.Contains("'..' are not allowed", escape.Error, StringComparison.Ordinal);
    }
}
