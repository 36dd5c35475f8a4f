using System.Diagnostics;
using System.Text;
using Harrier.Core.Flows;
using Harrier.Core.Yaml;

namespace Harrier.Cli.Tests.Flows;

/// <summary>Generated documents no one writes by hand: binary data, truncations, huge and deeply nested flows.</summary>
public sealed class HostileFlowTests
{
    private const string Sequential = "io.kestra.plugin.core.flow.Sequential";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void RandomBytesWithNul_AreRejectedAsBinaryAtTheFirstNul(int seed)
    {
        var bytes = new byte[4096];
        new Random(seed).NextBytes(bytes);
        bytes[100] = 0;
        var text = Encoding.Latin1.GetString(bytes);
        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        var line = 1 + text[..nul].Count(c => c == '\n');

        var result = FlowTestFiles.Loader.Load(text, "garbage.yml");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Null(result.Flow);
        Assert.Equal(line, diagnostic.Position.Line);
        Assert.Equal("the file contains NUL bytes: it is binary, not a YAML flow", diagnostic.Message);
    }

    [Fact]
    public void NulAfterAValidStart_IsReportedWhereItIs()
    {
        var result = FlowTestFiles.Loader.Load("id: a\nnamespace: b\ntas\0ks: []\n", "nul.yml");

        Assert.Equal(new SourcePosition(3, 4), Assert.Single(result.Diagnostics).Position);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void RandomBytesInAFile_GetOneErrorFromTheCommand(int seed)
    {
        var bytes = new byte[2048];
        new Random(seed).NextBytes(bytes);
        var path = Path.Combine(Path.GetTempPath(), $"harrier-garbage-{seed}-{Guid.NewGuid():N}.yml");
        File.WriteAllBytes(path, bytes);
        try
        {
            var run = CliRun.Of("flow", "validate", path);

            Assert.Equal(1, run.ExitCode);
            Assert.Equal(2, run.ErrorLines.Count);
            Assert.Matches(@"^.+\.yml:\d+:\d+: the (file is not UTF-8 text|file contains NUL bytes)", run.ErrorLines[0]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    [InlineData(24)]
    public void RandomPrintableText_NeverThrowsAndAlwaysGetsAPositionedError(int seed)
    {
        var random = new Random(seed);
        const string alphabet = "abc: -[]{}\"'|>&*!%@`#,?\t\n  \r\\\u00e9\u4e2d";
        var text = new string([.. Enumerable.Range(0, 3000).Select(_ => alphabet[random.Next(alphabet.Length)])]);

        var result = FlowTestFiles.Loader.Load(text, "noise.yml");

        Assert.Null(result.Flow);
        Assert.NotEmpty(result.Diagnostics);
        Assert.All(result.Diagnostics, d => Assert.True(d.Position.IsKnown, d.ToString()));
    }

    [Fact]
    public void EveryTruncationOfAValidFlow_LoadsOrGetsPositionedErrors_NeverAnException()
    {
        var text = File.ReadAllText(FlowTestFiles.Valid("every-top-level-key.yml"));
        var lineCount = text.Count(c => c == '\n') + 1;
        var firstTaskComplete = text.IndexOf("\n  - id: compute", StringComparison.Ordinal);
        var rejected = 0;

        for (var length = 0; length < text.Length; length++)
        {
            var result = FlowTestFiles.Loader.Load(text[..length], "cut.yml");
            if (result.IsValid)
            {
                // Only a prefix holding at least the whole first task can be a flow.
                Assert.True(length >= firstTaskComplete, $"prefix of {length} characters accepted");
                continue;
            }

            rejected++;
            Assert.Null(result.Flow);
            Assert.All(result.Diagnostics, d => Assert.InRange(d.Position.Line, 1, lineCount));
        }

        Assert.InRange(rejected, firstTaskComplete - 1, text.Length);
    }

    [Fact]
    public void TenMegabyteFlowWithAHugeScript_LoadsWithinSeconds()
    {
        var script = new StringBuilder();
        while (script.Length < 10 * 1024 * 1024)
        {
            script.Append("      print('a line of a generated script that is long enough to add up quickly')\n");
        }

        var text = $"id: big\nnamespace: company.team\ntasks:\n  - id: py\n    type: io.kestra.plugin.scripts.python.Script\n    script: |\n{script}  - id: after\n    type: io.kestra.plugin.core.log.Log\n    message: done\n";
        var watch = Stopwatch.StartNew();

        var flow = FlowTestFiles.LoadValid(text, "big.yml");

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.True(text.Length > 10 * 1024 * 1024);
        Assert.Equal(2, flow.Tasks.Count);
        Assert.Equal(script.ToString().Replace("      print", "print", StringComparison.Ordinal), ((YScalar)flow.Tasks[0].Property("script")!).Value);
        Assert.Equal(text.Count(c => c == '\n') - 2, flow.Tasks[1].Position.Line);
    }

    [Fact]
    public void ThreeHundredNestedSequentials_GetOneDepthError_NotAStackOverflow()
    {
        var result = FlowTestFiles.Loader.Load(NestedSequentials(300), "deep.yml");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Null(result.Flow);
        Assert.Equal($"the document is nested more than {YamlDocumentReader.MaxDepth} levels deep; flatten it", diagnostic.Message);

        // Level k starts on line 4 + 3k at column 5 + 4k; level 127's keys are the first nodes past the limit.
        Assert.Equal(new SourcePosition(4 + (3 * 127), 5 + (4 * 127)), diagnostic.Position);
    }

    [Fact]
    public void FiftyNestedSequentials_Load()
    {
        var flow = FlowTestFiles.LoadValid(NestedSequentials(50));

        var task = Assert.Single(flow.Tasks);
        for (var level = 1; level < 50; level++)
        {
            task = Assert.Single(task.ChildList("tasks"));
            Assert.Equal($"level{level}", task.Id);
            Assert.Equal(4 + (3 * level), task.Position.Line);
        }

        Assert.Equal("io.kestra.plugin.core.log.Log", task.Type);
        Assert.Equal(50, flow.AllTasks().Count());
    }

    [Fact]
    public void ValidateCommand_ReportsTheDepthErrorForADeepFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"harrier-deep-{Guid.NewGuid():N}.yml");
        File.WriteAllText(path, NestedSequentials(300));
        try
        {
            var run = CliRun.Of("flow", "validate", path);

            Assert.Equal(1, run.ExitCode);
            Assert.Equal($"{path}:385:513: the document is nested more than 256 levels deep; flatten it", run.ErrorLines[0]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A flow of <paramref name="levels"/> Sequential tasks each holding the next; the last is a Log.</summary>
    private static string NestedSequentials(int levels)
    {
        var text = new StringBuilder("id: deep\nnamespace: company.team\ntasks:\n");
        for (var level = 0; level < levels; level++)
        {
            var indent = new string(' ', 2 + (4 * level));
            text.Append(indent).Append("- id: level").Append(level).Append('\n');
            if (level < levels - 1)
            {
                text.Append(indent).Append("  type: ").Append(Sequential).Append('\n');
                text.Append(indent).Append("  tasks:\n");
            }
            else
            {
                text.Append(indent).Append("  type: io.kestra.plugin.core.log.Log\n");
                text.Append(indent).Append("  message: bottom\n");
            }
        }

        return text.ToString();
    }
}
