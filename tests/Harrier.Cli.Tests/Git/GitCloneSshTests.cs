using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.Git;

/// <summary>Clone over ssh:// from a real sshd on loopback with generated keys (with and without passphrase).</summary>
public sealed class GitCloneSshTests(SshServerFixture fixture) : IClassFixture<SshServerFixture>, IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void KeyWithoutPassphrase_ClonesAndRunsPython()
    {
        var run = FlowRun.Of(_dir.Path, SshClone(fixture.PlainKey, null, "python3 main.py", "git rev-list --count HEAD"));

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(["hello v3", "1"], run.Messages("inspect"));
    }

    [Fact]
    public void KeyWithPassphrase_Clones_AndThePassphraseIsInNoOutput()
    {
        var run = FlowRun.Of(_dir.Path, SshClone(fixture.ProtectedKey, SshServerFixture.Passphrase, "git rev-parse HEAD"));

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal([fixture.Repos.V3], run.Messages("inspect"));
        Assert.DoesNotContain(SshServerFixture.Passphrase, run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongPassphrase_FailsClearly_AndIsNeverSentToTheServerAsAPassword()
    {
        const string wrong = "not-the-passphrase-5e1";
        var run = FlowRun.Of(_dir.Path, SshClone(fixture.ProtectedKey, wrong, "echo never"));

        Assert.Equal("FAILED", run.State);
        Assert.Empty(run.RunsOf("inspect"));
        var error = Assert.Single(run.Logs, l => l.TaskId == "clone" && l.Level == "ERROR").Message;
        Assert.Contains("Permission denied (publickey", error, StringComparison.Ordinal);
        Assert.Contains("check 'privateKey' and its 'passphrase'", error, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, run.Output + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Failed password", fixture.Server.Log, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyWithoutItsPassphrase_FailsInsteadOfHanging()
    {
        var run = FlowRun.Of(_dir.Path, SshClone(fixture.ProtectedKey, null));

        Assert.Equal("FAILED", run.State);
        Assert.Contains(run.Logs, l => l.TaskId == "clone" && l.Level == "ERROR" && l.Message.Contains("Permission denied", StringComparison.Ordinal));
    }

    [Fact]
    public void Tag_OverSsh_ChecksOutTheTaggedCommit()
    {
        var run = FlowRun.Of(_dir.Path, SshClone(fixture.PlainKey, null, "git rev-parse HEAD") .Replace("        url:", "        tag: v1\n        url:", StringComparison.Ordinal));

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal([fixture.Repos.V1], run.Messages("inspect"));
    }

    private string SshClone(string privateKey, string? passphrase, params string[] inspect)
    {
        var key = string.Join('\n', privateKey.TrimEnd().Split('\n').Select(l => "  " + l));
        var properties = $"url: {fixture.Server.Url(fixture.Repos.BarePath("app.git"))}\nprivateKey: |\n{key}";
        if (passphrase is not null)
        {
            properties += $"\npassphrase: {passphrase}";
        }

        return CloneFlows.Clone(properties, inspect);
    }
}
