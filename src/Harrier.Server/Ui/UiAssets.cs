using System.Reflection;
using System.Security.Cryptography;

namespace Harrier.Server.Ui;

/// <summary>
/// The web UI's built files (ui/dist), embedded in this assembly as resources named <c>harrier-ui/&lt;path&gt;</c> by
/// Ui/HarrierUi.targets. Only the names are read at start (start-up time is a goal); a file's bytes and its ETag are read
/// on its first request and kept, as the set never changes while the process runs.
/// </summary>
public sealed class UiAssets
{
    private const string Prefix = "harrier-ui/";
    private readonly Assembly _assembly;
    private readonly HashSet<string> _paths;
    private readonly Dictionary<string, UiAsset> _loaded = new(StringComparer.Ordinal);

    public UiAssets(Assembly assembly)
    {
        _assembly = assembly;
        _paths = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..].Replace('\\', '/'))
            .ToHashSet(StringComparer.Ordinal);
    }

    public static UiAssets Embedded { get; } = new(typeof(UiAssets).Assembly);

    /// <summary>False when the server was built without npm: /ui/ then says how to build the UI.</summary>
    public bool Built => _paths.Contains(UiEndpoints.IndexFile);

    /// <summary>The file at <paramref name="path"/> (relative, forward slashes), or null when the UI has none.</summary>
    public UiAsset? Find(string path)
    {
        if (!_paths.Contains(path))
        {
            return null;
        }

        lock (_loaded)
        {
            if (_loaded.TryGetValue(path, out var asset))
            {
                return asset;
            }

            using var stream = _assembly.GetManifestResourceStream(Prefix + path)
                ?? throw new InvalidOperationException($"embedded UI file {path} is listed but cannot be read");
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            asset = new UiAsset(path, bytes, "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..32] + "\"");
            _loaded[path] = asset;
            return asset;
        }
    }
}

/// <summary>One built file of the UI: its bytes and a strong ETag (a hash of them).</summary>
public sealed record UiAsset(string Path, byte[] Content, string ETag);
