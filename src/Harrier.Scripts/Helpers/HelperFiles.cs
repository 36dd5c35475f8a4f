using System.Reflection;
using System.Security.Cryptography;
using Harrier.Core.Storage;

namespace Harrier.Scripts.Helpers;

/// <summary>
/// Writes the embedded helper libraries (resources named <c>helpers/…</c>) to a folder, once. The
/// files are first written to a private sibling folder and then moved into place, so a reader never
/// sees a half-written helper and concurrent workers on one machine do not collide.
/// </summary>
/// <remarks>
/// The folders go on every interpreter's search path (PYTHONPATH, NODE_PATH, PERL5LIB…), so whoever can write in
/// them runs code in every task: the default place is per user (<c>&lt;temp&gt;/harrier-helpers-&lt;uid&gt;</c>, 0700) and is
/// refused when it belongs to someone else or others may write in it (<see cref="PrivateFolder"/>).
/// </remarks>
internal static class HelperFiles
{
    private const string Prefix = "helpers/";

    public static string Extract(string? directory)
    {
        var assembly = typeof(HelperFiles).Assembly;
        var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var target = directory is null
            ? Path.Combine(Private(PrivateFolder.UserTempPath("harrier-helpers"), "Harrier's helper libraries"), ContentHash(assembly, names))
            : Path.GetFullPath(directory);
        if (directory is not null && Directory.Exists(target))
        {
            Private(target, "Harrier's helper libraries (HelperEnvironmentOptions.Directory)");
        }

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
            if (Directory.Exists(target) && !File.Exists(Path.Combine(target, ".complete")))
            {
                // An incomplete folder (not made by this code, which only ever renames a whole one into place): moved
                // aside in one rename, then deleted, so no other extraction can see it half deleted.
                var aside = target + ".old-" + Guid.NewGuid().ToString("N");
                Directory.Move(target, aside);
                Directory.Delete(aside, recursive: true);
            }

            Directory.Move(staging, target);
        }
        catch (IOException) when (File.Exists(Path.Combine(target, ".complete")))
        {
            // Another extraction won the race with identical content.
        }
        catch (DirectoryNotFoundException) when (File.Exists(Path.Combine(target, ".complete")))
        {
            // Another extraction moved the incomplete folder aside first, then put a whole one in place.
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }

        // A complete folder is never deleted nor rewritten: tasks already running with it on their search paths keep it.
        return target;
    }

    private static string Private(string path, string purpose)
    {
        try
        {
            return PrivateFolder.Ensure(path, purpose);
        }
        catch (UnauthorizedAccessException ex)
        {
            // Every script task needs the helpers: the task fails with the sentence, not a type name.
            throw new Core.Tasks.Running.TaskFailedException(ex.Message, ex);
        }
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
