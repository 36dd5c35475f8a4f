using System.Text;

namespace Harrier.Core.Storage;

/// <summary>
/// An internal-storage address: <c>harrier:///a/b/file.csv</c> (<c>kestra://</c> is read as an alias). Built
/// only from validated segments — never empty, <c>.</c> or <c>..</c>, never holding a separator, a backslash or a
/// control character — so no URI can name anything outside the storage root, whatever the implementation.
/// </summary>
public sealed class StorageUri : IEquatable<StorageUri>
{
    public const string Scheme = "harrier";
    public const string KestraScheme = "kestra";

    private StorageUri(IReadOnlyList<string> segments) => Segments = segments;

    /// <summary>The path's segments, decoded (a file name may hold spaces).</summary>
    public IReadOnlyList<string> Segments { get; }

    /// <summary>The path with a leading slash, decoded: <c>/a/b/file.csv</c>.</summary>
    public string Path => "/" + string.Join('/', Segments);

    public string FileName => Segments.Count == 0 ? "" : Segments[^1];

    public static StorageUri Root { get; } = new([]);

    public static bool IsStorageUri(string? text) =>
        text is not null && (text.StartsWith(Scheme + "://", StringComparison.Ordinal) || text.StartsWith(KestraScheme + "://", StringComparison.Ordinal));

    /// <summary>Parses <c>harrier:///path</c>, <c>harrier://path</c> or the <c>kestra://</c> forms.</summary>
    public static StorageUri Parse(string text) =>
        TryParse(text, out var uri, out var error) ? uri : throw new StoragePathException(error);

    public static bool TryParse(string? text, out StorageUri uri, out string error)
    {
        uri = Root;
        if (!IsStorageUri(text))
        {
            error = $"'{text}' is not an internal storage URI (harrier:///… or kestra:///…)";
            return false;
        }

        // "harrier:///a/b" and Kestra's two-slash "kestra://a/b" name the same file; "harrier:////a" has an empty segment.
        var path = text![(text!.IndexOf("://", StringComparison.Ordinal) + 3)..];
        path = path.StartsWith('/') ? path[1..] : path;
        var segments = new List<string>();
        foreach (var raw in path.Length == 0 ? [] : path.Split('/'))
        {
            string decoded;
            try
            {
                decoded = Uri.UnescapeDataString(raw);
            }
            catch (UriFormatException)
            {
                decoded = raw;
            }

            if (SegmentProblem(decoded) is { } problem)
            {
                error = $"'{text}': {problem}";
                return false;
            }

            segments.Add(decoded);
        }

        uri = new StorageUri(segments);
        error = "";
        return true;
    }

    /// <summary>A child address; <paramref name="relativePath"/> may hold '/' (every part is checked).</summary>
    public StorageUri Append(string relativePath)
    {
        var segments = new List<string>(Segments);
        foreach (var part in relativePath.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (SegmentProblem(part) is { } problem)
            {
                throw new StoragePathException($"'{relativePath}': {problem}");
            }

            segments.Add(part);
        }

        return new StorageUri(segments);
    }

    /// <summary>True when this address is <paramref name="prefix"/> or lies below it (segment-wise, never by text).</summary>
    public bool IsUnder(StorageUri prefix) =>
        prefix.Segments.Count <= Segments.Count && prefix.Segments.Select((s, i) => s == Segments[i]).All(same => same);

    /// <summary>The path below <paramref name="prefix"/> with '/' separators.</summary>
    public string RelativeTo(StorageUri prefix) =>
        IsUnder(prefix) ? string.Join('/', Segments.Skip(prefix.Segments.Count)) : throw new StoragePathException($"{this} is not under {prefix}");

    public static string? SegmentProblem(string segment)
    {
        if (segment.Length == 0)
        {
            return "empty path segment (two slashes in a row)";
        }

        if (segment is "." or "..")
        {
            return "'.' and '..' are not allowed in storage paths";
        }

        if (segment.IndexOfAny(['/', '\\', ':']) >= 0 || segment.Any(char.IsControl))
        {
            return $"'{segment}' holds a separator, a colon or a control character";
        }

        return null;
    }

    /// <summary>The encoded form; characters outside <c>[-\p{L}\p{N}._+~#=]</c> are percent-encoded so §5.4's pattern finds the whole URI.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(Scheme).Append("://");
        foreach (var segment in Segments)
        {
            builder.Append('/');
            foreach (var rune in segment.EnumerateRunes())
            {
                if (Rune.IsLetterOrDigit(rune) || rune.Value is '-' or '.' or '_' or '+' or '~' or '=')
                {
                    builder.Append(rune.ToString());
                }
                else
                {
                    builder.Append(Uri.EscapeDataString(rune.ToString()));
                }
            }
        }

        return Segments.Count == 0 ? builder.Append('/').ToString() : builder.ToString();
    }

    public bool Equals(StorageUri? other) => other is not null && Segments.SequenceEqual(other.Segments, StringComparer.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as StorageUri);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Path);
}
