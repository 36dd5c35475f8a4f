using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.WorkingDirectory;

/// <summary>WorkingDirectory <c>cache</c> end to end (spec §9.3): two executions on one data directory.</summary>
public sealed class WorkingDirectoryCacheFlowTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Cache_IsRestoredInTheNextExecution_SoTheSlowBuildIsSkipped()
    {
        var flow = Flow("wd_cache", "deps/**", ttl: null, build: "sleep 1.5; ");

        var first = FlowRun.Of(_dir.Path, flow);
        var second = FlowRun.Of(_dir.Path, flow);

        Assert.True(first.ExitCode == 0, first.Describe);
        Assert.True(second.ExitCode == 0, second.Describe);
        Assert.Equal(["built"], first.Messages("build"));
        Assert.Contains(first.Messages("wd"), m => m.StartsWith("Cache saved: 1 files", StringComparison.Ordinal));
        Assert.Equal(["reused built"], second.Messages("build"));
        Assert.Contains(second.Messages("wd"), m => m.StartsWith("Cache restored from harrier:///harrier/tests/wd_cache/_cache/wd/default/cache.zip, 1 files", StringComparison.Ordinal));
        Assert.Contains(second.Messages("wd"), m => m.StartsWith("Cache unchanged since it was restored", StringComparison.Ordinal));
        Assert.Contains(MetricNames(second), n => n == "cache.restore.files");
    }

    [Fact]
    public void CacheChangedByTheChildren_IsSavedAgain_AndTheNextExecutionGetsTheNewContent()
    {
        const string flow = """
            id: wd_cache_grow
            namespace: harrier.tests
            tasks:
              - id: wd
                type: io.kestra.plugin.core.flow.WorkingDirectory
                cache:
                  patterns:
                    - deps/**
                  ttl: PT1H
                tasks:
                  - id: grow
                    type: io.kestra.plugin.scripts.shell.Commands
                    commands:
                      - mkdir -p deps && echo run >> deps/log.txt && wc -l < deps/log.txt | tr -d ' '
            """;

        var runs = Enumerable.Range(0, 3).Select(_ => FlowRun.Of(_dir.Path, flow)).ToList();

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.Describe));
        Assert.Equal(["1", "2", "3"], runs.Select(run => run.Messages("grow").Single()));
        Assert.All(runs, run => Assert.Contains(run.Messages("wd"), m => m.StartsWith("Cache saved: 1 files", StringComparison.Ordinal)));
    }

    [Fact]
    public void ExpiredCache_IsNotRestored_AndIsSavedAgain()
    {
        // A ttl of zero: every stored archive is already too old, with no waiting.
        var flow = Flow("wd_cache_ttl", "deps/**", ttl: "PT0S", build: "");

        var first = FlowRun.Of(_dir.Path, flow);
        var second = FlowRun.Of(_dir.Path, flow);

        Assert.True(second.ExitCode == 0, second.Describe);
        Assert.Equal(["built"], first.Messages("build"));
        Assert.Equal(["built"], second.Messages("build"));
        Assert.Contains(second.Messages("wd"), m => m.Contains("is expired", StringComparison.Ordinal));
        Assert.DoesNotContain(second.Messages("wd"), m => m.StartsWith("Cache restored", StringComparison.Ordinal));
        Assert.Contains(second.Messages("wd"), m => m.StartsWith("Cache saved: 1 files", StringComparison.Ordinal));
    }

    [Fact]
    public void PatternsMatchingNothing_StoreNoArchive_AndRaiseNoError()
    {
        var run = FlowRun.Of(_dir.Path, Flow("wd_cache_none", "nothing/**", ttl: null, build: ""));

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal("SUCCESS", run.State);
        Assert.Contains(run.Messages("wd"), m => m.StartsWith("No file matches the cache patterns", StringComparison.Ordinal));
        Assert.False(Directory.Exists(_dir.Combine("data", "storage", "files", "harrier", "tests", "wd_cache_none", "_cache")));
    }

    [Fact]
    public void FailedGroup_SavesNoCache()
    {
        var run = FlowRun.Of(_dir.Path, Flow("wd_cache_fail", "deps/**", ttl: null, build: "", fail: true));

        Assert.Equal("FAILED", run.State);
        Assert.DoesNotContain(run.Messages("wd"), m => m.StartsWith("Cache saved", StringComparison.Ordinal));
        Assert.False(Directory.Exists(_dir.Combine("data", "storage", "files", "harrier", "tests", "wd_cache_fail", "_cache")));
    }

    [Fact]
    public void CacheWithoutPatterns_IsRefusedWhenTheFlowIsLoaded()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: wd_cache_bad
            namespace: harrier.tests
            tasks:
              - id: wd
                type: io.kestra.plugin.core.flow.WorkingDirectory
                cache:
                  ttl: PT1H
                tasks:
                  - id: log
                    type: io.kestra.plugin.core.log.Log
                    message: never
            """);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("patterns", run.Error, StringComparison.Ordinal);
    }

    private static string Flow(string id, string pattern, string? ttl, string build, bool fail = false) => $"""
        id: {id}
        namespace: harrier.tests
        tasks:
          - id: wd
            type: io.kestra.plugin.core.flow.WorkingDirectory
            cache:
              patterns:
                - {pattern}
        {(ttl is null ? "" : $"      ttl: {ttl}\n")}    tasks:
              - id: build
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - if [ -f deps/lib.txt ]; then echo "reused $(cat deps/lib.txt)"; else {build}mkdir -p deps && echo built > deps/lib.txt && echo built; fi
        {(fail ? "          - exit 1\n" : "")}
        """;

    private static IEnumerable<string> MetricNames(FlowRun run) =>
        run.Run("wd").GetProperty("metrics").EnumerateArray().Select(m => m.GetProperty("name").GetString()!);
}
