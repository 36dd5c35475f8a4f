using Harrier.Core.Storage;
using Harrier.Core.Tasks.Running;
using Harrier.Core.Time;

namespace Harrier.Core.Tasks.Files.Cache;

/// <summary>
/// The WorkingDirectory's <c>cache</c> property (spec §9.3): globs anchored at the directory (<c>node_modules/**</c>)
/// and an optional <c>ttl</c> (none: the archive never expires).
/// </summary>
public sealed record CacheSettings(IReadOnlyList<string> Patterns, TimeSpan? Ttl)
{
    /// <summary>The settings, or null when the task has no <c>cache</c>.</summary>
    public static CacheSettings? Read(PropertyReader properties)
    {
        if (properties.Value("cache") is not { } value)
        {
            return null;
        }

        if (value is not IReadOnlyDictionary<string, object?> map)
        {
            throw new TaskFailedException("cache must be an object with 'patterns' (a list of globs) and an optional 'ttl'");
        }

        IReadOnlyList<string> patterns = map.GetValueOrDefault("patterns") switch
        {
            string single => [single],
            System.Collections.IEnumerable list => [.. list.Cast<object?>().Where(p => p is not null).Select(PropertyReader.AsText)],
            _ => [],
        };
        if (patterns.Count == 0)
        {
            throw new TaskFailedException("cache.patterns must list at least one glob of files to keep, such as 'node_modules/**'");
        }

        TimeSpan? ttl = null;
        if (map.GetValueOrDefault("ttl") is { } ttlValue)
        {
            var text = PropertyReader.AsText(ttlValue);
            ttl = IsoDuration.TryParse(text, out var parsed) ? parsed : throw new TaskFailedException($"cache.ttl: {IsoDuration.Explain(text)}");
        }

        return new CacheSettings(patterns, ttl);
    }

    /// <summary>Matches a path relative to the working directory ('/' separators) against the patterns.</summary>
    public Func<string, bool> Matcher()
    {
        List<JavaGlob> globs;
        try
        {
            globs = [.. Patterns.Select(p => JavaGlob.Compile(p.StartsWith("./", StringComparison.Ordinal) ? p[2..] : p))];
        }
        catch (ArgumentException ex)
        {
            throw new TaskFailedException($"cache.patterns: {ex.Message}", ex);
        }

        return relative => globs.Any(g => g.IsMatch(relative));
    }
}
