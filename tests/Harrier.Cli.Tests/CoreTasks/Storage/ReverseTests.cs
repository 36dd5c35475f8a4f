using System.Text;
using Harrier.Cli.Tests.Support;
using static Harrier.Cli.Tests.CoreTasks.Storage.StorageFlow;

namespace Harrier.Cli.Tests.CoreTasks.Storage;

/// <summary>Kestra's <c>storage.Reverse</c>: a file's lines, last first.</summary>
public sealed class ReverseTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Reverse_writes_the_lines_last_first_each_followed_by_the_separator()
    {
        var run = Run(_dir.Path, "reverse", "data.yml", ["1", "", "3"], """
              - id: reverse
                type: io.kestra.plugin.core.storage.Reverse
                from: "{{ outputs.make.outputFiles['data.yml'] }}"
              - id: commas
                type: io.kestra.plugin.core.storage.Reverse
                from: "{{ outputs.make.outputFiles['data.yml'] }}"
                separator: ","
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.EndsWith(".yml", run.Uri("reverse"), StringComparison.Ordinal);
        Assert.Equal("3\n\n1\n", Read(_dir.Path, run.Uri("reverse")));
        Assert.Equal("3,,1,", Read(_dir.Path, run.Uri("commas")));
    }

    [Fact]
    public void Reverse_of_a_file_larger_than_its_read_block_keeps_every_line_whole()
    {
        // 40,000 lines of up to 40 bytes: several 64 KB blocks, lines cut across block edges.
        var lines = Enumerable.Range(1, 40_000).Select(n => $"line {n} {new string('x', n % 31)}").ToList();
        var run = FlowRun.Of(_dir.Path, """
            id: reverse_large
            namespace: harrier.tests
            tasks:
              - id: make
                type: io.kestra.plugin.scripts.shell.Commands
                taskRunner:
                  type: io.kestra.plugin.core.runner.Process
                commands:
                  - awk 'BEGIN { for (n = 1; n <= 40000; n++) { x = ""; for (i = 0; i < n % 31; i++) x = x "x"; print "line " n " " x } }' > big.txt
                outputFiles: [big.txt]
              - id: reverse
                type: io.kestra.plugin.core.storage.Reverse
                from: "{{ outputs.make.outputFiles['big.txt'] }}"
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        lines.Reverse();
        Assert.Equal(string.Concat(lines.Select(line => line + "\n")), Read(_dir.Path, run.Uri("reverse")));
    }

    [Fact]
    public void Reverse_reads_and_writes_in_the_charset()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: reverse_latin1
            namespace: harrier.tests
            tasks:
              - id: make
                type: io.kestra.plugin.scripts.shell.Commands
                taskRunner:
                  type: io.kestra.plugin.core.runner.Process
                commands:
                  - printf 'caf\351\r\nna\357ve\r\n' > latin1.txt
                outputFiles: [latin1.txt]
              - id: reverse
                type: io.kestra.plugin.core.storage.Reverse
                from: "{{ outputs.make.outputFiles['latin1.txt'] }}"
                charset: ISO-8859-1
                separator: "\r\n"
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        var bytes = File.ReadAllBytes(PathOf(_dir.Path, run.Uri("reverse")));
        Assert.Equal(Encoding.Latin1.GetBytes("naïve\r\ncafé\r\n"), bytes);
    }

    [Fact]
    public void Reverse_with_an_unknown_charset_fails_naming_charset()
    {
        var run = Run(_dir.Path, "reverse_charset", "data.txt", ["a"], """
              - id: reverse
                type: io.kestra.plugin.core.storage.Reverse
                from: "{{ outputs.make.outputFiles['data.txt'] }}"
                charset: KLINGON-8
            """);

        Assert.Equal("FAILED", run.State);
        Assert.Contains("tasks[1].charset (line 15): 'KLINGON-8' is not a charset Harrier knows", run.Errors("reverse"), StringComparison.Ordinal);
    }
}
