using Harrier.Core.Expressions.Ast;

namespace Harrier.Core.Expressions.Filters;

/// <summary>Prefix/suffix tests and the commons-lang style substring filters Kestra ships.</summary>
internal static class SubstringFilters
{
    public static void Register(Dictionary<string, Callable> into)
    {
        into.Add("startsWith", ["prefix"], 1, (input, args, _) => FilterRegistry.Text(input, "startsWith").StartsWith(args.Text(0, string.Empty), StringComparison.Ordinal));
        into.Add("endsWith", ["suffix"], 1, (input, args, _) => FilterRegistry.Text(input, "endsWith").EndsWith(args.Text(0, string.Empty), StringComparison.Ordinal));
        into.Add("substringBefore", ["separator"], 1, (input, args, _) => Before(FilterRegistry.Text(input, "substringBefore"), args.Text(0, string.Empty), last: false));
        into.Add("substringBeforeLast", ["separator"], 1, (input, args, _) => Before(FilterRegistry.Text(input, "substringBeforeLast"), args.Text(0, string.Empty), last: true));
        into.Add("substringAfter", ["separator"], 1, (input, args, _) => After(FilterRegistry.Text(input, "substringAfter"), args.Text(0, string.Empty), last: false));
        into.Add("substringAfterLast", ["separator"], 1, (input, args, _) => After(FilterRegistry.Text(input, "substringAfterLast"), args.Text(0, string.Empty), last: true));
    }

    /// <summary>Text before the separator; the whole text when the separator is absent.</summary>
    private static string Before(string text, string separator, bool last)
    {
        if (separator.Length == 0)
        {
            return last ? text : string.Empty;
        }

        var index = last ? text.LastIndexOf(separator, StringComparison.Ordinal) : text.IndexOf(separator, StringComparison.Ordinal);
        return index < 0 ? text : text[..index];
    }

    /// <summary>Text after the separator; empty when the separator is absent.</summary>
    private static string After(string text, string separator, bool last)
    {
        if (separator.Length == 0)
        {
            return last ? string.Empty : text;
        }

        var index = last ? text.LastIndexOf(separator, StringComparison.Ordinal) : text.IndexOf(separator, StringComparison.Ordinal);
        return index < 0 ? string.Empty : text[(index + separator.Length)..];
    }
}
