namespace Harrier.Bench.Scenarios;

/// <summary>The floor of the C# scenarios: the same one-line script as a .NET 10 file-based app.</summary>
public static class CSharpApps
{
    /// <summary>Writes <see cref="BenchFlows.CSharpScript"/> to <paramref name="path"/> (folders created) and returns the path.</summary>
    public static string Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, BenchFlows.CSharpScript + "\n");
        return path;
    }
}
