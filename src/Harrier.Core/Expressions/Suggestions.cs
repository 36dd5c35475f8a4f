namespace Harrier.Core.Expressions;

/// <summary>"Did you mean" hints: the closest known name within a small edit distance.</summary>
internal static class Suggestions
{
    /// <summary>" (did you mean 'x'?)" or an empty string when nothing is close enough.</summary>
    public static string Hint(string wanted, IEnumerable<string> known)
    {
        var best = Closest(wanted, known);
        return best is null ? string.Empty : $" (did you mean '{best}'?)";
    }

    public static string? Closest(string wanted, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = Math.Max(2, wanted.Length / 3) + 1;
        foreach (var candidate in known)
        {
            var distance = Distance(wanted, candidate);
            if (distance < bestDistance && candidate != wanted)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static int Distance(string a, string b)
    {
        // Case differences count as half an edit so "touppercase" finds "upper" only when nothing closer exists.
        if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
