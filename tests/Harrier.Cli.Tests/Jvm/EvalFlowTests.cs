using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.Jvm;

/// <summary>Groovy Eval and FileTransform inside real flows: storage files in and out, Kestra's variables bound.</summary>
public sealed class EvalFlowTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void GroovyEval_ReadsAnEarlierTasksOutputFile_AndStoresOneForTheNext()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: eval_files
            namespace: harrier.tests
            tasks:
              - id: make
                type: io.kestra.plugin.scripts.shell.Commands
                outputFiles: [a.txt]
                commands: ["printf 'from shell' > a.txt"]
              - id: eval
                type: io.kestra.plugin.scripts.groovy.Eval
                outputs: [copy, seen]
                script: |
                  seen = runContext.storage().getFile(new URI(outputs.make.outputFiles['a.txt'])).text
                  def file = runContext.workingDir().createTempFile('.txt').toFile()
                  file.text = seen.toUpperCase()
                  copy = runContext.storage().putFile(file)
              - id: read
                type: io.kestra.plugin.core.log.Log
                message: "{{ outputs.eval.outputs.seen }} / {{ read(outputs.eval.outputs.copy) }}"
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(["from shell / FROM SHELL"], run.Messages("read"));
    }

    [Fact]
    public void GroovyFileTransform_FromInlineJson_WritesIonRows_CountedInRecords()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: transform_json
            namespace: harrier.tests
            tasks:
              - id: transform
                type: io.kestra.plugin.scripts.groovy.FileTransform
                from: '[{"id": 1, "name": "john"}, {"id": 2, "name": "richard"}]'
                script: |
                  rows = [row, [copyOf: row.id]]
              - id: read
                type: io.kestra.plugin.core.log.Log
                message: "{{ read(outputs.transform.uri) }}"
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(["{id:1,name:\"john\"}\n{copyOf:1}\n{id:2,name:\"richard\"}\n{copyOf:2}\n"], run.Messages("read"));
        var records = run.Run("transform").GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "records");
        Assert.Equal(4, records.GetProperty("value").GetDouble());
    }

    [Fact]
    public void FileTransform_WithConcurrentBelowTwo_FailsSayingSo()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: transform_concurrent
            namespace: harrier.tests
            tasks:
              - id: transform
                type: io.kestra.plugin.scripts.groovy.FileTransform
                from: '[{"id": 1}]'
                concurrent: 1
                script: row
            """);

        Assert.Equal("FAILED", run.State);
        Assert.Contains(run.Messages("transform"), m => m.Contains("concurrent: must be at least 2", StringComparison.Ordinal));
    }
}
