namespace Harrier.Cli.Tests.Corpus;

/// <summary>The corpus keeps the probe: at least 200 cases, each with its expectation.</summary>
public sealed class CorpusSizeTests
{
    [Fact]
    public void Corpus_HoldsAtLeast200Cases_EachWithAnExpectation()
    {
        var cases = CorpusFolder.Cases("flows", "*.yml").Select(n => Path.Combine("flows", n))
            .Concat(CorpusFolder.Cases("inputs", "*.case").Select(n => Path.Combine("inputs", n)))
            .Concat(CorpusFolder.Cases("protocol", "*.line").Select(n => Path.Combine("protocol", n)))
            .ToList();

        Assert.True(cases.Count >= 200, $"only {cases.Count} cases");
        Assert.All(cases, c => Assert.NotEqual("TODO", CorpusFolder.Field(Path.Combine(CorpusFolder.Root, c), "expect")));
    }
}
