namespace Harrier.Cli.Tests.Files;

/// <summary>outputFiles, outputDir and inputFiles end to end through <c>harrier run</c> (spec §5.1-§5.4).</summary>
public sealed class OutputAndInputFilesFlowTests : IDisposable
{
    private readonly FlowSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void OutputFiles_PassToTheNextTasksInputFiles_ByHarrierAndKestraUris()
    {
        var run = _sandbox.Run("""
            id: pass_files
            namespace: company.team
            tasks:
              - id: gen
                type: io.kestra.plugin.scripts.shell.Commands
                outputFiles: ["*.csv", "out/**"]
                commands:
                  - printf 'a,b\n1,2\n' > data.csv
                  - mkdir -p out/deep && printf 'deep' > out/deep/x.txt && printf 'top' > top.txt
              - id: use
                type: io.kestra.plugin.scripts.shell.Commands
                inputFiles:
                  in/copy.csv: "{{ outputs.gen.outputFiles['data.csv'] }}"
                  alias.txt: "kestra://{{ outputs.gen.outputFiles['out/deep/x.txt'] | substringAfter('harrier://') }}"
                  plain.txt: just text
                commands:
                  - cat in/copy.csv alias.txt plain.txt
            """);

        Assert.Equal("SUCCESS", run.State);
        var files = run.OutputFiles("gen");
        Assert.Equal(["data.csv", "out/deep/x.txt"], files.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith($"harrier:///company/team/pass_files/executions/{run.Id}/tasks/gen/", files["data.csv"], StringComparison.Ordinal);
        Assert.Equal(["a,b", "1,2", "deepjust text"], run.Logs("use", "INFO"));
    }

    [Fact]
    public void OutputFiles_AreCollectedAfterAFailureToo()
    {
        var run = _sandbox.Run("""
            id: fail_files
            namespace: company.team
            tasks:
              - id: broken
                type: io.kestra.plugin.scripts.shell.Commands
                outputFiles: [report.txt]
                commands:
                  - echo partial > report.txt
                  - exit 3
            """);

        Assert.Equal("FAILED", run.State);
        Assert.Equal(3, run.Outputs("broken").GetProperty("exitCode").GetInt64());
        var uri = Assert.Single(run.OutputFiles("broken")).Value;
        Assert.Equal("partial\n", _sandbox.Cli("files", "get", uri).Output);
    }

    [Fact]
    public void LegacyRunner_EnablesOutputDir_AndEveryFileBelowItIsKept_Spec12_1_5()
    {
        var run = _sandbox.Run("""
            id: output_dir
            namespace: company.team
            tasks:
              - id: seed
                type: io.kestra.plugin.scripts.shell.Commands
                outputFiles: [seed.txt]
                commands:
                  - printf "I'm here" > seed.txt
              - id: main
                type: io.kestra.plugin.scripts.shell.Commands
                runner: PROCESS
                commands:
                  - mkdir -p {{ outputDir }}/sub/dir
                  - |-
                    echo '::{"outputs": {"extract":"'$(cat {{ outputs.seed.outputFiles['seed.txt'] }})'"}}::'
                  - echo 1 >> {{ outputDir }}/file.xml
                  - echo 2 >> {{ outputDir }}/sub/dir/file.csv
                  - echo 3 >> {{ outputDir }}/file.xml
            """);

        Assert.Equal("SUCCESS", run.State);
        Assert.Equal("I'm here", run.Outputs("main").GetProperty("vars").GetProperty("extract").GetString());
        Assert.Empty(run.Logs("main"));
        var files = run.OutputFiles("main");
        Assert.Equal(["file.xml", "sub/dir/file.csv"], files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("1\n3\n", _sandbox.Cli("files", "get", files["file.xml"]).Output);
        Assert.Equal("2\n", _sandbox.Cli("files", "get", files["sub/dir/file.csv"]).Output);
    }

    [Fact]
    public void InputFileInASubFolder_CopiedToOut_IsCollectedByARecursiveGlob_Spec12_2_13()
    {
        var yml = _sandbox.WriteFile("application.yml", "server:\n  port: 8080\n");
        var run = _sandbox.Run("""
            id: recursive
            namespace: company.team
            inputs:
              - id: app
                type: FILE
            tasks:
              - id: copy
                type: io.kestra.plugin.scripts.shell.Script
                inputFiles:
                  test/application.yml: "{{ inputs.app }}"
                outputFiles: ["out/**"]
                script: |
                  mkdir out
                  cp test/application.yml out/bla.yml
            """, "--input", $"app=@{yml}");

        Assert.Equal("SUCCESS", run.State);
        var uri = run.OutputFiles("copy")["out/bla.yml"];
        Assert.StartsWith("harrier://", uri, StringComparison.Ordinal);
        Assert.Equal("server:\n  port: 8080\n", _sandbox.Cli("files", "get", uri).Output);
    }

    [Fact]
    public void OutputFilesVariable_IsTheDeclaredFilesAbsolutePath_Spec12_2_14()
    {
        var run = _sandbox.Run("""
            id: outfile
            namespace: company.team
            tasks:
              - id: write
                type: io.kestra.plugin.scripts.shell.Script
                outputFiles: [outfile]
                script: echo -n {{ outputFiles.outfile }} > outfile
            """);

        var content = _sandbox.Cli("files", "get", run.OutputFiles("write")["outfile"]).Output;
        Assert.True(content.EndsWith("/outfile", StringComparison.Ordinal) && Path.IsPathRooted(content), content);
    }

    [Fact]
    public void AStorageUriInAPythonScript_IsReplacedByALocalCopy_Spec12_3_20()
    {
        var run = _sandbox.Run("""
            id: uri_in_script
            namespace: company.team
            tasks:
              - id: gen
                type: io.kestra.plugin.scripts.shell.Commands
                outputFiles: [twelve.txt]
                commands:
                  - printf 'hello world!' > twelve.txt
              - id: size
                type: io.kestra.plugin.scripts.python.Script
                script: |
                  import os
                  print('::{"outputs":{"extract":%d}}::' % os.path.getsize("{{ outputs.gen.outputFiles['twelve.txt'] }}"))
              - id: run_uri
                type: io.kestra.plugin.scripts.shell.Commands
                outputFiles: [hello.sh]
                commands:
                  - echo 'echo hello there!' > hello.sh
              - id: exec
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - sh {{ outputs.run_uri.outputFiles['hello.sh'] }}
            """);

        Assert.Equal("SUCCESS", run.State);
        Assert.Equal(12, run.Outputs("size").GetProperty("vars").GetProperty("extract").GetInt64());
        Assert.Equal(["hello there!"], run.Logs("exec", "INFO"));
    }

    [Fact]
    public void Read_InlinesAFileOfTheSameExecution()
    {
        var run = _sandbox.Run("""
            id: read_own
            namespace: company.team
            tasks:
              - id: gen
                type: io.kestra.plugin.scripts.shell.Commands
                outputFiles: [hello.txt]
                commands:
                  - printf 'content of hello' > hello.txt
              - id: show
                type: io.kestra.plugin.core.log.Log
                message: "read={{ read(outputs.gen.outputFiles['hello.txt']) }} size={{ fileSize(outputs.gen.outputFiles['hello.txt']) }}"
            """);

        Assert.Equal("SUCCESS", run.State);
        Assert.Contains("read=content of hello size=16", run.Logs("show"));
    }

    [Fact]
    public void FileInput_IsUploadedUnderTheExecution_AndItsUriIsUsableInCommandsAndInputFiles()
    {
        var csv = _sandbox.WriteFile("data.csv", "x,y\n");
        var run = _sandbox.Run("""
            id: file_input
            namespace: company.team
            inputs:
              - id: report
                type: FILE
            tasks:
              - id: t
                type: io.kestra.plugin.scripts.shell.Commands
                inputFiles:
                  copy.csv: "{{ inputs.report }}"
                commands:
                  - cat {{ inputs.report }} copy.csv
            """, "--input", $"report=@{csv}");

        Assert.Equal("SUCCESS", run.State);
        Assert.Equal($"harrier:///company/team/file_input/executions/{run.Id}/inputs/report/data.csv", run.Json.GetProperty("inputs").GetProperty("report").GetString());
        Assert.Equal(["x,y", "x,y"], run.Logs("t", "INFO"));
    }

    [Fact]
    public void FileInput_PointingAtAMissingFile_IsAnInputError()
    {
        var run = _sandbox.Run("""
            id: file_missing
            namespace: company.team
            inputs:
              - id: report
                type: FILE
            tasks:
              - id: t
                type: io.kestra.plugin.core.log.Log
                message: hi
            """, "--input", "report=@/no/such/file.csv");

        Assert.Equal(2, run.Cli.ExitCode);
        Assert.Contains("input 'report' (FILE): no file at /no/such/file.csv", run.Cli.Error, StringComparison.Ordinal);
    }
}
