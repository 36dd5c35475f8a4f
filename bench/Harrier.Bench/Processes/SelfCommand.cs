namespace Harrier.Bench.Processes;

/// <summary>How to start this executable again as a child (for in-process and BenchmarkDotNet runs).</summary>
public static class SelfCommand
{
    /// <summary>The published apphost, or <c>dotnet Harrier.Bench.dll</c> when run through the muxer.</summary>
    public static IReadOnlyList<string> Argv()
    {
        var path = Environment.ProcessPath!;
        return Path.GetFileNameWithoutExtension(path) == "dotnet" ? [path, typeof(SelfCommand).Assembly.Location] : [path];
    }
}
