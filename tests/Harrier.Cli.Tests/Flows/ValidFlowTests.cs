namespace Harrier.Cli.Tests.Flows;

/// <summary>Every file under Flows/Valid and the repository's examples/ load without a single diagnostic.</summary>
public sealed class ValidFlowTests
{
    public static TheoryData<string> Files => [.. FlowTestFiles.ValidNames()];

    [Theory]
    [MemberData(nameof(Files))]
    public void Loader_AcceptsTheFlow(string file)
    {
        var result = FlowTestFiles.Loader.LoadFile(FlowTestFiles.Valid(file));

        Assert.True(result.IsValid, string.Join('\n', result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        Assert.NotEmpty(result.Flow!.Tasks);
        Assert.All(result.Flow.AllTasks(), t => Assert.True(t.Position.IsKnown, t.Id));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void ValidateCommand_ExitsZeroAndSaysValid(string file)
    {
        var path = FlowTestFiles.Valid(file);

        var run = CliRun.Of("flow", "validate", path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.StartsWith($"{path}: valid (", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidFolder_HoldsTheExpectedFlows() =>
        Assert.True(FlowTestFiles.ValidNames().Count() >= 11, $"only {FlowTestFiles.ValidNames().Count()} valid flows");

    [Fact]
    public void EveryExampleOfTheRepository_Validates()
    {
        var examples = Path.Combine(FlowTestFiles.RepositoryRoot(), "examples");
        var files = Directory.EnumerateFiles(examples, "*.y*ml", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(files);

        foreach (var file in files)
        {
            var result = FlowTestFiles.Loader.LoadFile(file);
            Assert.True(result.IsValid, $"{file}:\n{string.Join('\n', result.Diagnostics)}");
        }

        var run = CliRun.Of("flow", "validate", examples);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(files.Count, run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void ValidateCommand_ChecksEveryFileOfAFolderAndCountsTheInvalidOnes()
    {
        var broken = Path.GetDirectoryName(FlowTestFiles.Broken("x"))!;
        var valid = Path.GetDirectoryName(FlowTestFiles.Valid("x"))!;
        var brokenCount = Directory.EnumerateFiles(broken, "*.yml").Count();
        var total = brokenCount + FlowTestFiles.ValidNames().Count();

        var run = CliRun.Of("flow", "validate", valid, broken);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(FlowTestFiles.ValidNames().Count(), run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal($"{brokenCount} of {total} flows invalid", run.ErrorLines[^1]);
    }

    [Fact]
    public void ValidateCommand_ReportsAMissingFileByName()
    {
        var path = Path.Combine(Path.GetTempPath(), $"harrier-missing-{Guid.NewGuid():N}.yml");

        var run = CliRun.Of("flow", "validate", path);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"{path}: cannot read the file: ", run.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateCommand_FailsWhenAFolderHoldsNoFlow()
    {
        var empty = Directory.CreateTempSubdirectory("harrier-empty-");
        try
        {
            var run = CliRun.Of("flow", "validate", empty.FullName);

            Assert.Equal(1, run.ExitCode);
            Assert.Equal(["no flow files found"], run.ErrorLines);
        }
        finally
        {
            empty.Delete();
        }
    }

    [Fact]
    public void Loader_AcceptsAByteOrderMarkAndWindowsLineEndings()
    {
        var path = Path.Combine(Path.GetTempPath(), $"harrier-crlf-{Guid.NewGuid():N}.yml");
        var text = File.ReadAllText(FlowTestFiles.Valid("common-task-properties.yml")).Replace("\n", "\r\n", StringComparison.Ordinal);
        File.WriteAllText(path, text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        try
        {
            var result = FlowTestFiles.Loader.LoadFile(path);

            Assert.True(result.IsValid, string.Join('\n', result.Diagnostics));
            Assert.Equal(29, result.Flow!.Tasks[1].Position.Line);
            Assert.Equal("Fails sometimes.", result.Flow.Tasks[0].Description);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
