namespace Harrier.Cli.Tests.Corpus;

/// <summary>Every file of a data directory with its size and last write time: equal before and after means nothing stored changed.</summary>
internal static class StoredState
{
    public static string Of(string dataDirectory) => string.Join('\n',
        Directory.EnumerateFiles(dataDirectory, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => new FileInfo(f))
            .Select(f => $"{Path.GetRelativePath(dataDirectory, f.FullName)} {f.Length} {f.LastWriteTimeUtc:O}"));
}
