using Harrier.Core.Storage;
using Harrier.Core.Tasks.Running;

namespace Harrier.Core.Tasks.Files;

/// <summary>
/// The <c>namespaceFiles</c> property (spec §5.6). Present means enabled unless <c>enabled: false</c>. Include and
/// exclude globs match the file's path with a leading '/' (<c>/scripts/etl.py</c>); a pattern starting with a word
/// character gets Kestra's implicit <c>**/</c> prefix, so <c>main.py</c> matches at any depth.
/// </summary>
public sealed record NamespaceFilesSettings(IReadOnlyList<string> Namespaces, IReadOnlyList<JavaGlob> Include, IReadOnlyList<JavaGlob> Exclude)
{
    public bool FolderPerNamespace { get; init; }

    public string IfExists { get; init; } = "OVERWRITE";

    /// <summary>The settings, or null when namespace files are not wanted.</summary>
    public static NamespaceFilesSettings? Read(PropertyReader properties, string flowNamespace)
    {
        if (properties.Value("namespaceFiles") is not IReadOnlyDictionary<string, object?> map || IsFalse(map.GetValueOrDefault("enabled")))
        {
            return null;
        }

        var namespaces = Texts(map, "namespaces");
        foreach (var ns in namespaces)
        {
            if (NamespaceNames.Problem(ns) is { } problem)
            {
                throw new TaskFailedException($"namespaceFiles.namespaces: {problem}");
            }
        }

        var ifExists = PropertyReader.AsText(map.GetValueOrDefault("ifExists") ?? "OVERWRITE").ToUpperInvariant();
        if (ifExists is not ("OVERWRITE" or "FAIL" or "WARN" or "IGNORE"))
        {
            throw new TaskFailedException($"namespaceFiles.ifExists must be OVERWRITE, FAIL, WARN or IGNORE, found '{ifExists}'");
        }

        return new NamespaceFilesSettings(namespaces.Count > 0 ? namespaces : [flowNamespace], Globs(map, "include"), Globs(map, "exclude"))
        {
            FolderPerNamespace = map.GetValueOrDefault("folderPerNamespace") is true or "true",
            IfExists = ifExists,
        };
    }

    /// <summary>Whether a namespace file (path relative to the namespace root, '/' separators) is loaded.</summary>
    public bool Wants(string path)
    {
        var rooted = "/" + path;
        return (Include.Count == 0 || Include.Any(g => g.IsMatch(rooted) || g.IsMatch(path))) && !Exclude.Any(g => g.IsMatch(rooted) || g.IsMatch(path));
    }

    private static bool IsFalse(object? value) => value is false || (value is string s && s.Trim().Equals("false", StringComparison.OrdinalIgnoreCase));

    private static List<string> Texts(IReadOnlyDictionary<string, object?> map, string key) => map.GetValueOrDefault(key) switch
    {
        null => [],
        string single => [single],
        System.Collections.IEnumerable list => [.. list.Cast<object?>().Where(v => v is not null).Select(PropertyReader.AsText)],
        var other => [PropertyReader.AsText(other)],
    };

    private static List<JavaGlob> Globs(IReadOnlyDictionary<string, object?> map, string key)
    {
        try
        {
            return [.. Texts(map, key).Select(p => JavaGlob.Compile(p.Length > 0 && (char.IsLetterOrDigit(p[0]) || p[0] == '_') ? "**/" + p : p))];
        }
        catch (ArgumentException ex)
        {
            throw new TaskFailedException($"namespaceFiles.{key}: {ex.Message}", ex);
        }
    }
}
