using System.Reflection;
using System.Security.Cryptography;

namespace Harrier.Scripts.Helpers;

/// <summary>
/// Writes the embedded helper libraries (resources named <c>helpers/…</c>) to a folder, once. The
/// files are first written to a private sibling folder and then moved into place, so a reader never
/// sees a half-written helper and concurrent workers on one machine do not collide.
/// </summary>
internal static class HelperFiles
{
    private const string Prefix = "helpers/";

    public static string Extract(string? directory)
    {
        var assembly = typeof(HelperFiles).Assembly;
        var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var target = directory ?? Path.Combine(Path.GetTempPath(), "harrier-helpers", ContentHash(assembly, names));
        if (File.Exists(Path.Combine(target, ".complete")))
        {
            return target;
        }

        var staging = target + ".tmp-" + Guid.NewGuid().ToString("N");
        foreach (var name in names)
        {
            var path = Path.Combine(staging, name[Prefix.Length..]);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var resource = assembly.GetManifestResourceStream(name)!;
            using var file = File.Create(path);
            resource.CopyTo(file);
        }

        File.WriteAllText(Path.Combine(staging, ".complete"), string.Empty);
        try
        {
            if (Directory.Exists(target))
            {
                // An incomplete folder left by a crash: replace it.
                Directory.Delete(target, recursive: true);
            }

            Directory.Move(staging, target);
        }
        catch (IOException) when (File.Exists(Path.Combine(target, ".complete")))
        {
            // Another worker won the race with identical content.
            Directory.Delete(staging, recursive: true);
        }

        return target;
    }

    private static string ContentHash(Assembly assembly, List<string> names)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in names)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name));
            using var resource = assembly.GetManifestResourceStream(name)!;
            using var memory = new MemoryStream();
            resource.CopyTo(memory);
            hash.AppendData(memory.ToArray());
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}
