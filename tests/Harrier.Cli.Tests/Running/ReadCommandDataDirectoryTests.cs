using Harrier.Cli.Tests.Flows;
using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.Running;

/// <summary>A read command given a mistyped <c>--data-dir</c> says so, and creates nothing.</summary>
public sealed class ReadCommandDataDirectoryTests
{
    public static TheoryData<string[]> ReadCommands => new()
    {
        new[] { "executions", "list" },
        new[] { "executions", "show", "someid" },
        new[] { "logs", "someid" },
        new[] { "logs", "someid", "--follow" },
        new[] { "files", "get", "harrier:///company/team/f/executions/x/tasks/t/r/out.txt" },
        new[] { "nsfiles", "get", "company.team", "a.txt" },
        new[] { "nsfiles", "list", "company.team" },
        new[] { "nsfiles", "delete", "company.team", "a.txt" },
    };

    [Theory]
    [MemberData(nameof(ReadCommands))]
    public void ReadCommand_OnAMissingDataDirectory_SaysItDoesNotExist_AndCreatesNothing(string[] command)
    {
        using var scratch = new ScratchDirectory();
        var mistyped = scratch.Combine("harier-data");

        var run = CliRun.Of([.. command, "--data-dir", mistyped]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"the data directory '{mistyped}'", run.Error, StringComparison.Ordinal);
        Assert.Contains("does not exist; give the --data-dir that 'harrier run' used", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(mistyped), "the mistyped directory was created");
    }

    [Theory]
    [InlineData("executions", "list")]
    [InlineData("logs", "someid")]
    public void StoreCommand_OnAFolderWithoutADatabase_SaysItIsNotADataDirectory_AndCreatesNothing(string group, string verb)
    {
        using var scratch = new ScratchDirectory();

        var run = CliRun.Of(group, verb, "--data-dir", scratch.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is not a Harrier data directory (it holds no harrier.db)", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch.Path));
    }
}
