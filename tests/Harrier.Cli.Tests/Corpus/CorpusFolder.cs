namespace Harrier.Cli.Tests.Corpus;

/// <summary>The corpus of bad inputs (tests/corpus, copied next to the tests) and its cases, one file each.</summary>
internal static class CorpusFolder
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "corpus");

    public static string Folder(string kind) => Path.Combine(Root, kind);

    /// <summary>The file names of one kind of case (e.g. <c>flows</c>, <c>*.yml</c>), sorted.</summary>
    public static IReadOnlyList<string> Cases(string kind, string pattern) =>
        [.. Directory.EnumerateFiles(Folder(kind), pattern).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    public static TheoryData<string> TheoryOf(string kind, string pattern)
    {
        var data = new TheoryData<string>();
        foreach (var name in Cases(kind, pattern))
        {
            data.Add(name);
        }

        return data;
    }

    /// <summary>The value of the first <c>key: value</c> line (or <c># key: value</c>) of a case file.</summary>
    public static string Field(string path, string key) =>
        File.ReadLines(path).Select(l => l.StartsWith("# ", StringComparison.Ordinal) ? l[2..] : l)
            .FirstOrDefault(l => l.StartsWith(key + ": ", StringComparison.Ordinal))?[(key.Length + 2)..]
        ?? throw new InvalidOperationException($"{path} has no '{key}:' line");

    /// <summary>Every line of a message a user may see must be free of stack traces and internal-error wording.</summary>
    public static void AssertClear(string text, string what)
    {
        Assert.False(text.Contains("   at ", StringComparison.Ordinal), $"{what}: a stack trace\n{text}");
        Assert.False(text.Contains("please report", StringComparison.Ordinal), $"{what}: an internal error\n{text}");
        Assert.False(text.Contains("Exception", StringComparison.Ordinal), $"{what}: an exception type name\n{text}");
    }
}
