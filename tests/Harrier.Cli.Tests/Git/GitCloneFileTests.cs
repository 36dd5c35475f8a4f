using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.Git;

/// <summary>Clone over file:// (spec §8): refs, depth, tags, branches, sub-folders, submodules, gitConfig.</summary>
public sealed class GitCloneFileTests(GitRepositories repos) : IClassFixture<GitRepositories>, IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Clone_ThenPythonRunsMainPyFromTheRepository_InTheSameWorkingDirectory()
    {
        var run = FlowRun.Of(_dir.Path, $$$"""
            id: clone_and_run
            namespace: harrier.tests
            tasks:
              - id: wd
                type: io.kestra.plugin.core.flow.WorkingDirectory
                tasks:
                  - id: clone
                    type: io.kestra.plugin.git.Clone
                    url: {{{repos.FileUrl("app.git")}}}
                  - id: python
                    type: io.kestra.plugin.scripts.python.Commands
                    commands:
                      - python3 main.py
              - id: after
                type: io.kestra.plugin.core.log.Log
                message: "version {{ outputs.python.vars.version }}"
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal("SUCCESS", run.State);
        Assert.Contains("hello v3", run.Messages("python"));
        Assert.Contains("version v3", run.Messages("after"));
        var wd = run.Run("wd").GetProperty("id").GetString();
        Assert.Equal(wd, run.Run("clone").GetProperty("parentTaskRunId").GetString());
        Assert.Equal(wd, run.Run("python").GetProperty("parentTaskRunId").GetString());
        Assert.StartsWith("Start cloning from 'file://", run.Messages("clone")[0], StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultBranch_IsTheRemoteHead_EvenWhenItIsNotMain()
    {
        var run = FlowRun.Of(_dir.Path, CloneFlows.Clone($"url: {repos.FileUrl("app.git")}", "git rev-parse --abbrev-ref HEAD", "git rev-parse HEAD"));

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(["trunk", repos.V3], run.Messages("inspect"));
        Assert.Contains("Checked out branch trunk", run.Messages("clone"));
    }

    [Fact]
    public void Branch_ChecksOutThatBranch()
    {
        var run = FlowRun.Of(_dir.Path, CloneFlows.Clone($"url: {repos.FileUrl("app.git")}\nbranch: feature", "git rev-parse --abbrev-ref HEAD", "git rev-parse HEAD", "cat feature.txt"));

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(["feature", repos.Feature, "feature branch"], run.Messages("inspect"));
    }

    [Fact]
    public void DefaultDepthOne_IsShallow_WithOneCommit()
    {
        var run = FlowRun.Of(_dir.Path, CloneFlows.Clone($"url: {repos.FileUrl("app.git")}", "git rev-list --count HEAD", "git rev-parse --is-shallow-repository"));

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(["1", "true"], run.Messages("inspect"));
    }

    [Fact]
    public void LargeDepth_ClonesTheFullHistory()
    {
        var run = FlowRun.Of(_dir.Path, CloneFlows.Clone($"url: {repos.FileUrl("app.git")}\ndepth: 1000", "git rev-list --count HEAD", "git rev-parse --is-shallow-repository"));

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(["3", "false"], run.Messages("inspect"));
    }

    [Fact]
    public void AnnotatedTag_ChecksOutTheTaggedCommit()
    {
        var run = FlowRun.Of(_dir.Path, CloneFlows.Clone($"url: {repos.FileUrl("app.git")}\ntag: v1", "git rev-parse HEAD", "python3 main.py"));

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(repos.V1, run.Messages("inspect")[0]);
        Assert.Contains("hello v1", run.Messages("inspect"));
        Assert.Contains("Checked out tag v1", run.Messages("clone"));
    }

    [Fact]
    public void LightweightTag_ChecksOutTheTaggedCommit()
    {
        var run = FlowRun.Of(_dir.Path, CloneFlows.Clone($"url: {repos.FileUrl("app.git")}\ntag: light", "git rev-parse HEAD"));

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal([repos.V2], run.Messages("inspect"));
    }

    [Theory]
    [InlineData(40)]
    [InlineData(7)]
    public void Commit_FullOrShortSha_IsCheckedOutDetached(int length)
    {
        var sha = repos.V2[..length];
        var run = FlowRun.Of(_dir.Path, CloneFlows.Clone($"url: {repos.FileUrl("app.git")}\ncommit: \"{sha}\"", "git rev-parse HEAD", "git symbolic-ref -q HEAD || echo detached"));

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal([repos.V2, "detached"], run.Messages("inspect"));
        Assert.Contains($"Checked out commit {sha}", run.Messages("clone"));
    }

    [Fact]
    public void Commit_OnlyOnAnotherBranch_IsFound()
    {
        var run = FlowRun.Of(_dir.Path, CloneFlows.Clone($"url: {repos.FileUrl("app.git")}\ncommit: {repos.Feature}", "git rev-parse HEAD"));

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal([repos.Feature], run.Messages("inspect"));
    }

    [Fact]
    public void NoTags_FetchesNoTag_WhileTheDefaultFetchesThem()
    {
        var run = FlowRun.Of(_dir.Path, CloneFlows.Clone($"url: {repos.FileUrl("app.git")}\nnoTags: true", "echo tags:$(git tag | tr '\\n' ' ')"));
        var withTags = FlowRun.Of(_dir.Combine("tags"), CloneFlows.Clone($"url: {repos.FileUrl("app.git")}", "echo tags:$(git tag | tr '\\n' ' ')"));

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(["tags:"], run.Messages("inspect"));
        Assert.Equal(["tags:light v1"], withTags.Messages("inspect"));
    }

    [Fact]
    public void CloneAllBranchesFalse_FetchesOnlyTheGivenBranch_WhileTheDefaultFetchesAll()
    {
        var single = FlowRun.Of(_dir.Path, CloneFlows.Clone($"url: {repos.FileUrl("app.git")}\nbranch: feature\ncloneAllBranches: false", "git branch -r --format='%(refname:short)'"));
        var all = FlowRun.Of(_dir.Combine("all"), CloneFlows.Clone($"url: {repos.FileUrl("app.git")}\nbranch: feature", "git branch -r --format='%(refname:short)'"));

        Assert.True(single.ExitCode == 0, single.Describe);
        Assert.Equal(["origin/feature"], single.Messages("inspect"));
        Assert.Equal(["origin/feature", "origin/trunk"], all.Messages("inspect").Order());
    }

    [Fact]
    public void CloneAllBranchesFalse_WithoutBranch_FailsWithAClearMessage()
    {
        var run = FlowRun.Of(_dir.Path, CloneFlows.Clone($"url: {repos.FileUrl("app.git")}\ncloneAllBranches: false"));

        Assert.Equal("FAILED", run.State);
        Assert.Contains("cloneAllBranches: false needs a branch to clone", run.Messages("clone"));
    }

    [Fact]
    public void TagWithNoTags_FailsWithAClearMessage()
    {
        var run = FlowRun.Of(_dir.Path, CloneFlows.Clone($"url: {repos.FileUrl("app.git")}\ntag: v1\nnoTags: true"));

        Assert.Equal("FAILED", run.State);
        Assert.Contains(run.Messages("clone"), m => m.Contains("tag cannot be combined with noTags", StringComparison.Ordinal));
    }

    [Fact]
    public void Directory_ClonesIntoTheSubFolder_AndOutputsItsAbsolutePath()
    {
        var run = FlowRun.Of(_dir.Path, CloneFlows.Clone($"url: {repos.FileUrl("app.git")}\ndirectory: code/app", "test -f code/app/main.py && echo found", "test ! -e main.py && echo root-empty"));

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(["found", "root-empty"], run.Messages("inspect"));
        var directory = run.Run("clone").GetProperty("outputs").GetProperty("directory").GetString()!;
        Assert.True(Path.IsPathRooted(directory), directory);
        Assert.EndsWith("/code/app", directory, StringComparison.Ordinal);
    }

    [Fact]
    public void Directory_OutsideTheWorkingDirectory_IsRefused()
    {
        var run = FlowRun.Of(_dir.Path, CloneFlows.Clone($"url: {repos.FileUrl("app.git")}\ndirectory: ../escape"));

        Assert.Equal("FAILED", run.State);
        Assert.NotEmpty(run.Messages("clone"));
    }

    [Fact]
    public void CloneSubmodules_InitialisesThem_AndTheDefaultLeavesThemEmpty()
    {
        var with = FlowRun.Of(_dir.Path, CloneFlows.Clone($"url: {repos.FileUrl("withsub.git")}\ncloneSubmodules: true", "python3 main.py"));
        var without = FlowRun.Of(_dir.Combine("without"), CloneFlows.Clone($"url: {repos.FileUrl("withsub.git")}", "ls -A lib | wc -l"));

        Assert.True(with.ExitCode == 0, with.Describe);
        Assert.Equal(["from the submodule"], with.Messages("inspect"));
        Assert.Equal(["0"], without.Messages("inspect"));
    }

    [Fact]
    public void GitConfig_IsAppliedToTheClonedRepository()
    {
        var run = FlowRun.Of(_dir.Path, CloneFlows.Clone(
            $"url: {repos.FileUrl("app.git")}\ngitConfig:\n  core.autocrlf: \"false\"\n  user.name: Harrier Bot",
            "git config --local --get core.autocrlf", "git config --local --get user.name"));

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(["false", "Harrier Bot"], run.Messages("inspect"));
    }

    [Fact]
    public void NonEmptyDirectory_InputFilesFirst_IsClonedInto_AndKeepsTheInputFiles()
    {
        var run = FlowRun.Of(_dir.Path, $"""
            id: clone_into_non_empty
            namespace: harrier.tests
            tasks:
              - id: wd
                type: io.kestra.plugin.core.flow.WorkingDirectory
                inputFiles:
                  data/input.txt: from inputFiles
                tasks:
                  - id: clone
                    type: io.kestra.plugin.git.Clone
                    url: {repos.FileUrl("app.git")}
                  - id: inspect
                    type: io.kestra.plugin.scripts.shell.Commands
                    commands:
                      - echo "$(cat data/input.txt)"
                      - python3 main.py
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(["from inputFiles", "hello v3"], run.Messages("inspect"));
    }

    [Fact]
    public void MissingRepository_FailsTheTask_WithGitsMessage()
    {
        var run = FlowRun.Of(_dir.Path, CloneFlows.Clone($"url: {repos.FileUrl("nothing-here.git")}", "echo never"));

        Assert.Equal("FAILED", run.State);
        Assert.Empty(run.RunsOf("inspect"));
        Assert.Contains(run.Logs, l => l.TaskId == "clone" && l.Level == "ERROR" && l.Message.Contains("nothing-here.git", StringComparison.Ordinal));
    }
}
