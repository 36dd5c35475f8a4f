using Harrier.Cli.Tests.Support;
using Harrier.TestKit.Users;

namespace Harrier.Cli.Tests.Security;

/// <summary>
/// Another local user (a real one, <see cref="SecondUser"/>) shares the temp folder: whatever they create there first
/// must not be used by Harrier (their code would run as this user), and the task folders Harrier creates are closed to them.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SharedTempFolderTests : IDisposable
{
    private readonly SharedTemp _tmp = new();
    private readonly ScratchDirectory _scratch = new();
    private readonly SecondUser _other = SecondUser.Get();

    public void Dispose()
    {
        _tmp.Dispose();
        _scratch.Dispose();
    }

    [Fact]
    public async Task HelperFolder_IsRefused_WhenOwnedByAnotherUser_AndItsPlantedCodeNeverRuns()
    {
        var hash = await HelperFolderNameAsync();
        var marker = _tmp.Combine("pwned-by-sitecustomize");
        // Planted where Harrier looked before (a shared folder) and where it looks now (the per-user one).
        foreach (var folder in new[] { "harrier-helpers", $"harrier-helpers-{SecondUser.CurrentUid}" })
        {
            _other.MustRun($"mkdir -p '{_tmp.Combine(folder, hash, "python")}' && touch '{_tmp.Combine(folder, hash, ".complete")}' "
                + $"&& echo \"open('{marker}', 'w').write('ran')\" > '{_tmp.Combine(folder, hash, "python", "sitecustomize.py")}'"
                + $" && chmod -R a+rX '{_tmp.Combine(folder)}'");
        }

        var run = await RunAsync("""
            id: python
            namespace: company.team
            tasks:
              - id: py
                type: io.kestra.plugin.scripts.python.Script
                script: print("hello")
            """);

        Assert.False(File.Exists(marker), "the planted sitecustomize.py ran as this user");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"'{_tmp.Combine($"harrier-helpers-{SecondUser.CurrentUid}")}' (Harrier's helper libraries) belongs to user {_other.Uid}, not to this user ({SecondUser.CurrentUid})", run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkingDirectoryParent_IsRefused_WhenOwnedByAnotherUser()
    {
        var parent = _tmp.Combine($"harrier-{SecondUser.CurrentUid}");
        _other.MustRun($"mkdir '{parent}' && chmod 755 '{parent}'");

        var run = await RunAsync(ShellFlow("echo never"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"'{parent}' (the parent of task working directories (the engine's TempDirectory)) belongs to user {_other.Uid}", run.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\nnever", run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkingDirectoryParent_IsRefused_WhenOthersMayWriteInIt()
    {
        var parent = _tmp.Combine($"harrier-{SecondUser.CurrentUid}");
        Directory.CreateDirectory(parent);
        File.SetUnixFileMode(parent, (UnixFileMode)0b111_111_111);

        var run = await RunAsync(ShellFlow("echo never"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"may be written by other users (mode 777): files planted there would run as you; make it private (chmod 700 '{parent}')", run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkingDirectories_AreOwnerOnly_InAPerUserParent_AndAnotherUserCannotEnterThem()
    {
        var run = await RunAsync(ShellFlow(
            $"""echo "modes $(stat -c '%a' .) $(stat -c '%a' ..) helpers $(stat -c '%a' "$HARRIER_HELPERS/..")"; setpriv --reuid={_other.Uid} --regid={_other.Gid} --clear-groups ls "$PWD" || echo "other user refused" """));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("modes 700 700 helpers 700", run.Text, StringComparison.Ordinal);
        Assert.Contains("other user refused", run.Text, StringComparison.Ordinal);
        Assert.True(Directory.Exists(_tmp.Combine($"harrier-{SecondUser.CurrentUid}")));
    }

    private static string ShellFlow(string command) => $"""
        id: shell
        namespace: company.team
        tasks:
          - id: sh
            type: io.kestra.plugin.scripts.shell.Commands
            commands:
              - {System.Text.Json.JsonSerializer.Serialize(command)}
        """;

    /// <summary>The content-hash folder name Harrier extracts its helpers to (found by letting it do so in a fresh temp folder).</summary>
    private async Task<string> HelperFolderNameAsync()
    {
        using var fresh = new SharedTemp();
        using var cli = CliProcess.StartWith(fresh.Environment, _scratch.Path, "run", Write("probe.yml", ShellFlow("true")), "--data-dir", _scratch.Combine("probe-data"));
        Assert.Equal(0, await cli.ExitAsync(TimeSpan.FromSeconds(60)));
        return Path.GetFileName(Directory.EnumerateDirectories(fresh.Path, "harrier-helpers*").SelectMany(Directory.EnumerateDirectories).Single());
    }

    private async Task<(int ExitCode, string Text)> RunAsync(string yaml)
    {
        using var cli = CliProcess.StartWith(_tmp.Environment, _scratch.Path, "run", Write($"flow-{Guid.NewGuid():N}.yml", yaml), "--data-dir", _scratch.Combine("data"));
        var exitCode = await cli.ExitAsync(TimeSpan.FromSeconds(60));
        return (exitCode, cli.Output + cli.Error);
    }

    private string Write(string name, string yaml)
    {
        var path = _scratch.Combine(name);
        File.WriteAllText(path, yaml);
        return path;
    }
}
