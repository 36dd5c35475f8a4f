using System.Globalization;
using Harrier.Core.Storage;

namespace Harrier.Bench.Scenarios;

/// <summary>
/// The namespace files of scenario <c>nsfiles</c>: <c>count</c> files of 1 KiB in nested folders
/// (<c>d3/e7/f0371.txt</c>: ten files a folder, ten folders a parent). The same tree is uploaded into
/// Harrier's storage (by the in-process child) and written to disk (for the <c>cp -r</c> floor).
/// </summary>
public static class NamespaceFileTree
{
    public const int FileSize = 1024;

    public static IEnumerable<string> Paths(int count) => Enumerable.Range(0, count).Select(i =>
        string.Create(CultureInfo.InvariantCulture, $"d{i / 100}/e{i / 10 % 10}/f{i:D4}.txt"));

    public static byte[] Content(string path)
    {
        var content = new byte[FileSize];
        // Stable across processes (string.GetHashCode is not), so both copies of the tree are the same bytes.
        var seed = path.Sum(c => c);
        for (var i = 0; i < content.Length; i++)
        {
            content[i] = (byte)('a' + ((seed + i) & 0xF));
        }

        content[^1] = (byte)'\n';
        return content;
    }

    public static void WriteTo(string directory, int count)
    {
        foreach (var path in Paths(count))
        {
            var full = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, Content(path));
        }
    }

    /// <summary>What <c>harrier nsfiles put</c> does, for every file of the tree.</summary>
    public static async Task UploadAsync(IFileStorage storage, string ns, int count, CancellationToken cancellationToken)
    {
        var root = StoragePaths.NamespaceFiles(ns);
        foreach (var path in Paths(count))
        {
            using var stream = new MemoryStream(Content(path));
            await storage.PutAsync(root.Append(path), stream, cancellationToken).ConfigureAwait(false);
        }
    }
}
