using Harrier.Core.Logs;
using Harrier.Scripts.Protocol;
using Harrier.Scripts.Tests.Support;

namespace Harrier.Scripts.Tests.Protocol;

public sealed class OutputsFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly RecordingLogSink _logs = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Records_AreMergedAfterStdout_OnePerLine()
    {
        var collector = new ScriptOutputCollector(_logs);
        collector.OnStdout("""::{"outputs":{"a":"stdout","b":1}}::""");
        var path = OutputsFile.PathIn(_dir.Path);
        await File.WriteAllTextAsync(path, "{\"outputs\":{\"a\":\"file\"}}\n\n{\"metrics\":[{\"name\":\"n\",\"type\":\"counter\",\"value\":2}]}\n");

        await OutputsFile.ReadIntoAsync(path, collector, CancellationToken.None);

        Assert.Equal("file", collector.Outputs["a"]);
        Assert.Equal(1L, collector.Outputs["b"]);
        Assert.Equal(2.0, Assert.Single(collector.Metrics).Value);
        Assert.Empty(_logs.Lines);
    }

    [Fact]
    public async Task APartialLastRecord_IsReportedAtWarn_AndTheOthersKept()
    {
        var collector = new ScriptOutputCollector(_logs);
        var path = OutputsFile.PathIn(_dir.Path);
        await File.WriteAllTextAsync(path, "{\"outputs\":{\"a\":1}}\n{\"outputs\":{\"b\":");

        await OutputsFile.ReadIntoAsync(path, collector, CancellationToken.None);

        Assert.Equal(["a"], collector.Outputs.Keys);
        var (level, message) = Assert.Single(_logs.Lines);
        Assert.Equal(TaskLogLevel.Warn, level);
        Assert.Contains("cut short", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingFile_MeansNoRecord()
    {
        var collector = new ScriptOutputCollector(_logs);

        await OutputsFile.ReadIntoAsync(OutputsFile.PathIn(_dir.Path), collector, CancellationToken.None);

        Assert.Empty(collector.Outputs);
        Assert.Empty(_logs.Lines);
    }

    [Fact]
    public async Task AScript_WritesRecordsThroughTheEnvironmentVariable()
    {
        var path = OutputsFile.PathIn(_dir.Path);
        var run = await ShellRun.RunAsync(
            ["/bin/sh", "-c", "echo '::{\"outputs\":{\"x\":1}}::'; echo '{\"outputs\":{\"y\":\"side\"}}' >> \"$HARRIER_OUTPUTS\""],
            _dir.Path,
            new Dictionary<string, string> { [OutputsFile.EnvironmentVariable] = path });

        await OutputsFile.ReadIntoAsync(path, run.Collector, CancellationToken.None);

        Assert.Equal(1L, run.Collector.Outputs["x"]);
        Assert.Equal("side", run.Collector.Outputs["y"]);
    }
}
