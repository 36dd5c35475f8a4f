namespace Harrier.Core.Storage;

/// <summary>
/// Local paths that must stay inside a root directory: relative parts are checked segment by segment, the
/// result must lie below the root, and no existing directory or file on the way may be a symbolic link (a link
/// could point anywhere, so none is followed).
/// </summary>
public static class ContainedPath
{
    /// <summary>The absolute path of the segments below <paramref name="root"/>.</summary>
    public static string Resolve(string root, IEnumerable<string> relativeSegments)
    {
        var full = Path.GetFullPath(root);
        var current = full;
        foreach (var segment in relativeSegments)
        {
            if (StorageUri.SegmentProblem(segment) is { } problem)
            {
                throw new StoragePathException(problem);
            }

            current = Path.Combine(current, segment);
        }

        EnsureInside(full, current);
        return current;
    }

    /// <summary>Throws unless <paramref name="path"/> lies inside <paramref name="root"/> with no symbolic link from the root down to it.</summary>
    public static void EnsureInside(string root, string path)
    {
        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var fullPath = Path.GetFullPath(path);
        if (!fullPath.StartsWith(fullRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal) && fullPath != fullRoot)
        {
            throw new StoragePathException($"'{path}' is outside '{fullRoot}'");
        }

        var current = fullRoot;
        foreach (var part in fullPath[fullRoot.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            if (IsLink(current))
            {
                throw new StoragePathException($"'{path}' goes through the symbolic link '{current}', which is not followed");
            }
        }
    }

    private static bool IsLink(string path)
    {
        try
        {
            // Attributes come from lstat: a link (even a dangling one) reports ReparsePoint.
            return (File.GetAttributes(path) & FileAttributes.ReparsePoint) != 0;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }
}
