using System.Diagnostics;
using Xunit.Abstractions;

namespace Harrier.Cli.Tests.Files;

/// <summary><c>harrier nsfiles</c> and the <c>namespaceFiles</c> task property (spec §5.6) end to end.</summary>
public sealed class NamespaceFilesFlowTests(ITestOutputHelper output) : IDisposable
{
    private readonly FlowSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private void PutTree()
    {
        _sandbox.WriteFile("tree/main.py", "root main");
        _sandbox.WriteFile("tree/sub/main.py", "sub main");
        _sandbox.WriteFile("tree/scripts/etl.py", "etl");
        _sandbox.WriteFile("tree/ignore/skip.txt", "skip");
        var put = _sandbox.Cli("nsfiles", "put", "company.team", Path.Combine(_sandbox.Root, "tree"));
        Assert.Equal((0, "uploaded 4 file(s) to company.team\n"), (put.ExitCode, put.Output));
    }

    private static string Flow(string namespaceFiles, string command = "find . -type f -not -name '.*' | sort") => $$"""
        id: ns_files
        namespace: company.team
        tasks:
          - id: t
            type: io.kestra.plugin.scripts.shell.Commands
            namespaceFiles: {{namespaceFiles}}
            commands:
              - {{command}}
        """;

    [Fact]
    public void NsfilesCommands_PutAFolderRecursively_ListGetAndDelete()
    {
        PutTree();

        Assert.Equal("/ignore/skip.txt\t4\n/main.py\t9\n/scripts/etl.py\t3\n/sub/main.py\t8\n", _sandbox.Cli("nsfiles", "list", "company.team").Output);
        Assert.Equal("etl", _sandbox.Cli("nsfiles", "get", "company.team", "scripts/etl.py").Output);
        Assert.Equal("deleted 1 file(s)\n", _sandbox.Cli("nsfiles", "delete", "company.team", "ignore").Output);
        Assert.Equal("/scripts/etl.py\t3\n", _sandbox.Cli("nsfiles", "list", "company.team", "scripts").Output);
        Assert.Equal(2, _sandbox.Cli("nsfiles", "get", "company.team", "../../etc/passwd").ExitCode);
        Assert.Equal(1, _sandbox.Cli("nsfiles", "get", "company.team", "ignore/skip.txt").ExitCode);
    }

    [Fact]
    public void EmptyNamespaceFiles_LoadsEverything_KeepingFolders_WithMetricsAndTheKestraLogLine()
    {
        PutTree();

        var run = _sandbox.Run(Flow("{}"));

        Assert.Equal("SUCCESS", run.State);
        Assert.Equal(["./ignore/skip.txt", "./main.py", "./scripts/etl.py", "./sub/main.py"], run.Logs("t", "INFO").Where(l => l.StartsWith("./", StringComparison.Ordinal)));
        Assert.Equal(4, run.Metric("t", "namespacefiles.count"));
        Assert.True(run.Metric("t", "namespacefiles.duration") >= 0);
        Assert.Matches(@"^Loaded 4 namespace files from 'company.team' in \d\d:\d\d:\d\d\.\d\d\d$", run.Logs("t", "INFO")[0]);
    }

    [Fact]
    public void IncludeGetsTheImplicitDoubleStarPrefix_AndExcludeAnchoredAtTheRootWorks()
    {
        PutTree();

        var included = _sandbox.Run(Flow("{include: [main.py]}"));
        var excluded = _sandbox.Run(Flow("{exclude: [/ignore/**, scripts/*.py]}"));
        var disabled = _sandbox.Run(Flow("{enabled: false}"));

        Assert.Equal(["./main.py", "./sub/main.py"], included.Logs("t", "INFO").Where(l => l.StartsWith("./", StringComparison.Ordinal)));
        Assert.Equal(["./main.py", "./sub/main.py"], excluded.Logs("t", "INFO").Where(l => l.StartsWith("./", StringComparison.Ordinal)));
        Assert.Empty(disabled.Logs("t", "INFO"));
    }

    [Fact]
    public void FolderPerNamespace_PutsEachNamespaceUnderItsName()
    {
        PutTree();
        _sandbox.WriteFile("shared.sql", "select 1");
        _sandbox.Cli("nsfiles", "put", "company", Path.Combine(_sandbox.Root, "shared.sql"), "--to", "sql");

        var run = _sandbox.Run(Flow("{namespaces: [company, company.team], folderPerNamespace: true, include: ['**.sql', etl.py]}"));

        Assert.Equal(["./company.team/scripts/etl.py", "./company/sql/shared.sql"], run.Logs("t", "INFO").Where(l => l.StartsWith("./", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("OVERWRITE", "SUCCESS", "team")]
    [InlineData("IGNORE", "SUCCESS", "company")]
    [InlineData("WARN", "SUCCESS", "company")]
    [InlineData("FAIL", "FAILED", null)]
    public void IfExists_DecidesBetweenNamespacesProvidingTheSamePath(string mode, string state, string? content)
    {
        _sandbox.WriteFile("a/same.txt", "company");
        _sandbox.WriteFile("b/same.txt", "team");
        _sandbox.Cli("nsfiles", "put", "company", Path.Combine(_sandbox.Root, "a"));
        _sandbox.Cli("nsfiles", "put", "company.team", Path.Combine(_sandbox.Root, "b"));

        var run = _sandbox.Run(Flow($"{{namespaces: [company, company.team], ifExists: {mode}}}", "cat same.txt"));

        Assert.Equal(state, run.State);
        if (content is not null)
        {
            Assert.Contains(content, run.Logs("t", "INFO"));
        }

        Assert.Equal(mode == "WARN", run.Logs("t", "WARN").Any(l => l.Contains("already exists", StringComparison.Ordinal)));
        Assert.Equal(mode == "FAIL", run.AllLogs.Contains("ifExists: FAIL", StringComparison.Ordinal));
    }

    [Fact]
    public void NsfileUrisAndRead_ReachNamespaceFiles()
    {
        PutTree();

        var run = _sandbox.Run("""
            id: nsfile_uri
            namespace: company.team
            tasks:
              - id: t
                type: io.kestra.plugin.scripts.shell.Commands
                inputFiles:
                  own.py: nsfile:///scripts/etl.py
                  other.py: nsfile://company.team/sub/main.py
                commands:
                  - cat own.py other.py
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: "{{ read('scripts/etl.py') }}-{{ fileURI('scripts/etl.py') }}"
            """);

        Assert.Equal("SUCCESS", run.State);
        Assert.Equal(["etlsub main"], run.Logs("t", "INFO"));
        Assert.Contains("etl-harrier:///company/team/_files/scripts/etl.py", run.Logs("log"));
    }

    [Fact]
    public void AThousandNamespaceFiles_AreInjectedInWellUnderASecond()
    {
        for (var i = 0; i < 1000; i++)
        {
            _sandbox.WriteFile($"many/d{i % 20}/f{i}.txt", new string('x', 1000 + i));
        }

        Assert.Equal(0, _sandbox.Cli("nsfiles", "put", "company.team", Path.Combine(_sandbox.Root, "many")).ExitCode);
        var clock = Stopwatch.StartNew();
        var run = _sandbox.Run(Flow("{}", "find . -type f -name 'f*.txt' | wc -l"));
        clock.Stop();

        Assert.Equal("SUCCESS", run.State);
        Assert.Equal("1000", run.Logs("t", "INFO")[1].Trim());
        var seconds = run.Metric("t", "namespacefiles.duration");
        var copy = Stopwatch.StartNew();
        using (var cp = Process.Start("cp", ["-r", Path.Combine(_sandbox.Root, "many"), Path.Combine(_sandbox.Root, "cp-copy")]))
        {
            cp.WaitForExit();
        }

        output.WriteLine($"1,000 namespace files injected in {seconds * 1000:F0} ms; cp -r of the same files: {copy.ElapsedMilliseconds} ms; whole harrier run: {clock.ElapsedMilliseconds} ms");
        Assert.True(seconds < 5, $"{seconds} s");
    }
}
