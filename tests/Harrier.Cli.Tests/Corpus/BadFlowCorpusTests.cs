using Harrier.Cli.Tests.Flows;

namespace Harrier.Cli.Tests.Corpus;

/// <summary>Every flow of <c>tests/corpus/flows</c> is refused at its line and column, by <c>validate</c> and by <c>run</c>, and stores nothing.</summary>
public sealed class BadFlowCorpusTests(StoredExecutionFixture stored) : IClassFixture<StoredExecutionFixture>
{
    public static TheoryData<string> Flows => CorpusFolder.TheoryOf("flows", "*.yml");

    [Theory]
    [MemberData(nameof(Flows))]
    public void BadFlow_IsRefusedByValidate_WithItsPositionedMessage(string name)
    {
        var path = Path.Combine(CorpusFolder.Folder("flows"), name);
        var expected = $"{path}:{CorpusFolder.Field(path, "expect")}";

        var validate = CliRun.Of("flow", "validate", path);

        Assert.Equal(1, validate.ExitCode);
        Assert.Equal("", validate.Output);
        Assert.Contains(expected, validate.ErrorLines);
        Assert.All(validate.ErrorLines.SkipLast(1), line => Assert.Matches(@"^.+:\d+:\d+: ", line));
        CorpusFolder.AssertClear(validate.Error, name);
    }

    [Theory]
    [MemberData(nameof(Flows))]
    public void BadFlow_IsRefusedByRun_AndNothingStoredChanges(string name)
    {
        var path = Path.Combine(CorpusFolder.Folder("flows"), name);
        var before = StoredState.Of(stored.DataDirectory);

        var run = CliRun.Of("run", path, "--data-dir", stored.DataDirectory);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{path}:{CorpusFolder.Field(path, "expect")}", run.ErrorLines);
        CorpusFolder.AssertClear(run.Error, name);
        Assert.Equal(before, StoredState.Of(stored.DataDirectory));
    }
}
