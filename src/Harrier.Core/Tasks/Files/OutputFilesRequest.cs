namespace Harrier.Core.Tasks.Files;

/// <summary>What to collect after a run: <c>outputFiles</c> globs in the working directory, and everything below the output directory.</summary>
public sealed record OutputFilesRequest(string WorkingDirectory, IReadOnlyList<string> Patterns)
{
    /// <summary><c>{{ outputDir }}</c> when enabled: every regular file below it is kept, keyed relative to it.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>File names at the top of the working directory that are never collected (side channels, the execution context).</summary>
    public IReadOnlySet<string> Reserved { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
