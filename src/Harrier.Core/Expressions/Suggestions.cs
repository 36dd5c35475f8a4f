namespace Harrier.Core.Expressions;

/// <summary>"Did you mean" hints in the expression language's message style, over Harrier's one edit-distance helper.</summary>
internal static class Suggestions
{
    /// <summary>" (did you mean 'x'?)" or an empty string when nothing is close enough.</summary>
    public static string Hint(string wanted, IEnumerable<string> known)
    {
        var best = Text.Suggestions.Closest(wanted, known.Where(candidate => candidate != wanted));
        return best is null ? string.Empty : $" (did you mean '{best}'?)";
    }
}
