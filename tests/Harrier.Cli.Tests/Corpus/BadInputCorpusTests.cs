using Harrier.Cli.Tests.Flows;

namespace Harrier.Cli.Tests.Corpus;

/// <summary>Every case of <c>tests/corpus/inputs</c> (bad values on the command line or in --inputs) is refused with its message and stores nothing.</summary>
public sealed class BadInputCorpusTests(StoredExecutionFixture stored) : IClassFixture<StoredExecutionFixture>
{
    public static TheoryData<string> Cases => CorpusFolder.TheoryOf("inputs", "*.case");

    [Theory]
    [MemberData(nameof(Cases))]
    public void BadInput_IsRefusedWithItsMessage_AndNothingStoredChanges(string name)
    {
        var folder = CorpusFolder.Folder("inputs");
        var path = Path.Combine(folder, name);
        var lines = File.ReadAllLines(path);
        var flow = Path.Combine(folder, CorpusFolder.Field(path, "flow"));
        var args = lines.Where(l => l.StartsWith("arg: ", StringComparison.Ordinal)).Select(l => Absolute(l[5..], folder)).ToList();
        var before = StoredState.Of(stored.DataDirectory);

        var run = CliRun.Of(["run", flow, .. args, "--data-dir", stored.DataDirectory]);

        Assert.Equal(2, run.ExitCode);
        var first = run.ErrorLines[0];
        Assert.StartsWith(flow + ": ", first, StringComparison.Ordinal);
        Assert.Contains(CorpusFolder.Field(path, "expect"), first, StringComparison.Ordinal);
        CorpusFolder.AssertClear(run.Error, name);
        Assert.Equal(before, StoredState.Of(stored.DataDirectory));
    }

    // Relative paths in a case are relative to the corpus folder (the tests run elsewhere): '--inputs x.json', 'name=@file'.
    private static string Absolute(string arg, string folder)
    {
        if (arg.EndsWith(".json", StringComparison.Ordinal) && !arg.Contains('=', StringComparison.Ordinal))
        {
            return Path.Combine(folder, arg);
        }

        var at = arg.IndexOf("=@", StringComparison.Ordinal);
        return at > 0 && !Path.IsPathRooted(arg[(at + 2)..]) ? arg[..(at + 2)] + Path.Combine(folder, arg[(at + 2)..]) : arg;
    }
}
