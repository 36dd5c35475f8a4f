using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.Git;

/// <summary>Clone over git:// from a real git daemon on loopback.</summary>
public sealed class GitCloneDaemonTests(GitDaemonFixture fixture) : IClassFixture<GitDaemonFixture>, IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Clone_DetectsTheDefaultBranch_AndIsShallow()
    {
        var run = FlowRun.Of(_dir.Path, CloneFlows.Clone($"url: {fixture.Server.Url("app.git")}", "git rev-parse --abbrev-ref HEAD", "git rev-list --count HEAD", "python3 main.py"));

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(["trunk", "1", "hello v3"], run.Messages("inspect"));
    }

    [Fact]
    public void AnnotatedTag_IsPeeledToItsCommit()
    {
        var run = FlowRun.Of(_dir.Path, CloneFlows.Clone($"url: {fixture.Server.Url("app.git")}\ntag: v1", "git rev-parse HEAD"));

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal([fixture.Repos.V1], run.Messages("inspect"));
    }

    [Fact]
    public void ShortCommit_IsCheckedOut()
    {
        var run = FlowRun.Of(_dir.Path, CloneFlows.Clone($"url: {fixture.Server.Url("app.git")}\ncommit: \"{fixture.Repos.Feature[..10]}\"", "git rev-parse HEAD"));

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal([fixture.Repos.Feature], run.Messages("inspect"));
    }

    [Fact]
    public void Submodules_WithARelativeUrl_AreClonedOverGitToo()
    {
        var run = FlowRun.Of(_dir.Path, CloneFlows.Clone($"url: {fixture.Server.Url("withsub.git")}\ncloneSubmodules: true", "python3 main.py"));

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(["from the submodule"], run.Messages("inspect"));
    }

    [Fact]
    public void UnknownRepository_FailsWithTheDaemonsMessage()
    {
        var run = FlowRun.Of(_dir.Path, CloneFlows.Clone($"url: {fixture.Server.Url("missing.git")}"));

        Assert.Equal("FAILED", run.State);
        Assert.Contains(run.Logs, l => l.TaskId == "clone" && l.Level == "ERROR" && l.Message.Contains("missing.git", StringComparison.Ordinal));
    }
}
