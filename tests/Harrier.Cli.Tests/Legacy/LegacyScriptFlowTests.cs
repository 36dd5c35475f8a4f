using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.Legacy;

/// <summary>Kestra's deprecated io.kestra.core.tasks.scripts.Bash and Python, end to end.</summary>
public sealed class LegacyScriptFlowTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void LegacyBash_RunsItsCommands_UploadsNamedOutputFilesAndDirs_AndWarnsItIsDeprecated()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: legacy_bash
            namespace: harrier.tests
            tasks:
              - id: bash
                type: io.kestra.core.tasks.scripts.Bash
                outputFiles: [first]
                outputsFiles: [second]
                outputDirs: [reports]
                commands:
                  - echo "1" >> {{ outputFiles.first }}
                  - echo "2" >> {{ outputFiles.second }}
                  - echo 'r' > {{ outputDirs.reports }}/r.txt
                  - echo '::{"outputs":{"extract":"done"}}::'
              - id: read
                type: io.kestra.plugin.core.log.Log
                message: "{{ read(outputs.bash.outputFiles.first) | trim }}{{ read(outputs.bash.files.second) | trim }}{{ read(outputs.bash.outputFiles['reports/r.txt']) | trim }} {{ outputs.bash.vars.extract }}"
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(["12r done"], run.Messages("read"));
        Assert.Contains(run.Logs, l => l is { TaskId: "bash", Level: "WARN" } && l.Message.StartsWith("io.kestra.core.tasks.scripts.Bash is deprecated", StringComparison.Ordinal));
    }

    [Fact]
    public void LegacyBash_ExitOnFailed_StopsAtTheFirstFailure_AndFalseRunsOn()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: legacy_bash_exit
            namespace: harrier.tests
            tasks:
              - id: lenient
                type: io.kestra.core.tasks.scripts.Bash
                exitOnFailed: false
                commands: ["false", "echo after"]
              - id: strict
                type: io.kestra.core.tasks.scripts.Bash
                commands: ["exit 66", "echo never"]
            """);

        Assert.Equal("FAILED", run.State);
        Assert.Contains("after", run.Messages("lenient"));
        Assert.Equal(66, run.Run("strict").GetProperty("outputs").GetProperty("exitCode").GetInt32());
        Assert.DoesNotContain("never", run.Messages("strict"));
    }

    [Fact]
    public void LegacyBash_UsesItsInterpreterAndArgs()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: legacy_bash_interpreter
            namespace: harrier.tests
            tasks:
              - id: bash
                type: io.kestra.core.tasks.scripts.Bash
                interpreter: /bin/bash
                interpreterArgs: ["-c"]
                commands: ["echo {1..3}"]
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Contains("1 2 3", run.Messages("bash"));
    }

    [Fact]
    public void LegacyPython_RunsMainPyInAVirtualenv_WithArgs_AndKestrasHelper()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: legacy_python
            namespace: harrier.tests
            tasks:
              - id: python
                type: io.kestra.core.tasks.scripts.Python
                args: [data.json]
                inputFiles:
                  data.json: '{"status": "OK"}'
                  main.py: |
                    import json, sys
                    from kestra import Kestra
                    result = json.loads(open(sys.argv[1]).read())
                    print(f"python script {result['status']} in {sys.prefix == sys.base_prefix and 'system' or 'venv'}")
                    Kestra.outputs({'status': result['status']})
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Contains("python script OK in venv", run.Messages("python"));
        Assert.Equal("OK", run.Run("python").GetProperty("outputs").GetProperty("vars").GetProperty("status").GetString());
    }

    [Fact]
    public void LegacyPython_WithoutMainPy_FailsSayingSo()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: legacy_python_no_main
            namespace: harrier.tests
            tasks:
              - id: python
                type: io.kestra.core.tasks.scripts.Python
                inputFiles:
                  other.py: print(1)
            """);

        Assert.Equal("FAILED", run.State);
        Assert.Contains(run.Messages("python"), m => m.Contains("must hold a main.py", StringComparison.Ordinal));
    }
}
