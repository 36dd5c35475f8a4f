using System.Text;
using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.Git;

/// <summary>Clone over smart HTTP with Basic auth (git http-backend on loopback); secrets never reach logs.</summary>
public sealed class GitCloneHttpTests(GitHttpFixture fixture) : IClassFixture<GitHttpFixture>, IDisposable
{
    private const string WrongPassword = "Wr0ng-pass-4d2a8b";
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void UsernameAndPassword_CloneAndRunPython_WithoutTheSecretInAnyOutput()
    {
        var run = FlowRun.Of(_dir.Path, CloneFlows.Clone(
            $"url: {fixture.Server.Url("app.git")}\nusername: {GitHttpFixture.User}\npassword: {GitHttpFixture.Password}", "python3 main.py"));

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(["hello v3"], run.Messages("inspect"));
        AssertNoSecret(run, GitHttpFixture.Password);
    }

    [Fact]
    public void WrongPassword_FailsWithAnAuthenticationError_AndNeverShowsThePassword()
    {
        var run = FlowRun.Of(_dir.Path, CloneFlows.Clone(
            $"url: {fixture.Server.Url("app.git")}\nusername: {GitHttpFixture.User}\npassword: {WrongPassword}", "echo never"));

        Assert.Equal("FAILED", run.State);
        Assert.Empty(run.RunsOf("inspect"));
        var error = Assert.Single(run.Logs, l => l.TaskId == "clone" && l.Level == "ERROR").Message;
        Assert.Contains("authentication", error, StringComparison.OrdinalIgnoreCase);
        AssertNoSecret(run, WrongPassword);
    }

    [Fact]
    public void NoCredentials_FailsWithAnAuthenticationError()
    {
        var run = FlowRun.Of(_dir.Path, CloneFlows.Clone($"url: {fixture.Server.Url("app.git")}"));

        Assert.Equal("FAILED", run.State);
        var error = Assert.Single(run.Logs, l => l.TaskId == "clone" && l.Level == "ERROR").Message;
        Assert.Contains("authentication", error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void CredentialsInTheUrl_Clone_AndTheLoggedUrlHasNoCredentials()
    {
        var url = $"http://{GitHttpFixture.User}:{GitHttpFixture.Password}@127.0.0.1:{fixture.Server.Port}/app.git";
        var run = FlowRun.Of(_dir.Path, CloneFlows.Clone($"url: {url}", "python3 main.py"));

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Contains($"Start cloning from 'http://127.0.0.1:{fixture.Server.Port}/app.git'", run.Messages("clone"));
        AssertNoSecret(run, GitHttpFixture.Password);
    }

    [Fact]
    public void CredentialsInTheUrl_AreNotKeptInTheClonedRepository()
    {
        var url = $"http://{GitHttpFixture.User}:{GitHttpFixture.Password}@127.0.0.1:{fixture.Server.Port}/app.git";
        var run = FlowRun.Of(_dir.Path, CloneFlows.Clone($"url: {url}", "git config --get remote.origin.url", "cat .git/config"));

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal($"http://127.0.0.1:{fixture.Server.Port}/app.git", run.Messages("inspect")[0]);
        AssertNoSecret(run, GitHttpFixture.Password);
    }

    [Fact]
    public void WrongCredentialsInTheUrl_FailRedacted()
    {
        var url = $"http://{GitHttpFixture.User}:{WrongPassword}@127.0.0.1:{fixture.Server.Port}/app.git";
        var run = FlowRun.Of(_dir.Path, CloneFlows.Clone($"url: {url}"));

        Assert.Equal("FAILED", run.State);
        Assert.Contains(run.Logs, l => l.TaskId == "clone" && l.Level == "ERROR");
        AssertNoSecret(run, WrongPassword);
    }

    private static void AssertNoSecret(FlowRun run, string password)
    {
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{GitHttpFixture.User}:{password}"));
        foreach (var secret in new[] { password, basic })
        {
            Assert.False(run.Output.Contains(secret, StringComparison.Ordinal), $"the execution JSON leaks {secret}:\n{run.Output}");
            Assert.False(run.Error.Contains(secret, StringComparison.Ordinal), $"the live logs leak {secret}:\n{run.Error}");
        }
    }
}
