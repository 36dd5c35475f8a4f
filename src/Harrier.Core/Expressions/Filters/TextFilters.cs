using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Harrier.Core.Expressions.Ast;

namespace Harrier.Core.Expressions.Filters;

/// <summary>Case, trimming, replacing, splitting, indentation and escaping of text.</summary>
internal static class TextFilters
{
    public static void Register(Dictionary<string, Callable> into)
    {
        into.Add("upper", [], 0, (input, _, _) => input is null ? null : ValueText.ToText(input).ToUpperInvariant());
        into.Add("lower", [], 0, (input, _, _) => input is null ? null : ValueText.ToText(input).ToLowerInvariant());
        into.Add("trim", [], 0, (input, _, _) => input is null ? null : ValueText.ToText(input).Trim());
        into.Add("capitalize", [], 0, (input, _, _) => input is null ? null : Capitalize(ValueText.ToText(input)));
        into.Add("title", [], 0, (input, _, _) => input is null ? null : Title(ValueText.ToText(input)));
        into.Add("string", [], 0, (input, _, _) => ValueText.ToText(input));
        into.Add("raw", [], 0, (input, _, _) => input);
        into.Add("abbreviate", ["length"], 1, (input, args, _) => Abbreviate(FilterRegistry.Text(input, "abbreviate"), (int)args.Long(0, 0)));
        into.Add("replace", ["replace_pairs", "replacement", "regexp"], 1, Replace);
        into.Add("split", ["delimiter", "limit"], 1, (input, args, _) => Split(FilterRegistry.Text(input, "split"), args.Text(0, ","), (int)args.Long(1, 0)));
        into.Add("indent", ["amount", "prefix"], 1, (input, args, state) => Indent(ValueText.ToText(input), args, false, state.Budget));
        into.Add("nindent", ["amount", "prefix"], 1, (input, args, state) => Indent(ValueText.ToText(input), args, true, state.Budget));
        into.Add("escapeChar", ["type"], 1, (input, args, _) => EscapeChar(FilterRegistry.Text(input, "escapeChar"), args.Text(0, "single")));
    }

    private static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Title(string text)
    {
        var builder = new StringBuilder(text.Length);
        var startOfWord = true;
        foreach (var c in text)
        {
            builder.Append(startOfWord ? char.ToUpperInvariant(c) : c);
            startOfWord = char.IsWhiteSpace(c);
        }

        return builder.ToString();
    }

    private static string Abbreviate(string text, int length)
    {
        if (length < 4)
        {
            throw new ExpressionException("length must be at least 4");
        }

        return text.Length <= length ? text : text[..(length - 3)] + "...";
    }

    /// <summary>Pebble's map form <c>replace({'a': 'b'})</c>, plus Kestra's <c>replace('a', 'b', regexp=true)</c>.</summary>
    private static object? Replace(object? input, Arguments args, RenderState state)
    {
        var text = FilterRegistry.Text(input, "replace");
        var regexp = args.Bool(2, false);
        if (ValueAccess.TryAsMap(args[0], out var pairs))
        {
            foreach (var pair in pairs)
            {
                text = ReplaceOne(text, pair.Key, ValueText.ToText(pair.Value), regexp);
            }

            return text;
        }

        if (!args.Has(1))
        {
            throw new ExpressionException("expects a map of replacements, or a search text and its replacement");
        }

        return ReplaceOne(text, args.Text(0, string.Empty), args.Text(1, string.Empty), regexp);
    }

    private static string ReplaceOne(string text, string search, string replacement, bool regexp) =>
        regexp
            ? Regex.Replace(text, search, JavaReplacement(replacement), RegexOptions.None, TimeSpan.FromSeconds(1))
            : search.Length == 0 ? text : text.Replace(search, replacement, StringComparison.Ordinal);

    /// <summary>Java writes groups in replacements as <c>$1</c> too, but escapes dollars with a backslash.</summary>
    private static string JavaReplacement(string replacement) => replacement.Replace("\\$", "$$", StringComparison.Ordinal);

    /// <summary>Java's String.split: the delimiter is a regular expression; without a limit trailing empty parts go.</summary>
    private static List<object?> Split(string text, string delimiter, int limit)
    {
        var regex = new Regex(delimiter, RegexOptions.None, TimeSpan.FromSeconds(1));
        var parts = limit > 0 ? regex.Split(text, limit) : regex.Split(text);
        var count = parts.Length;
        if (limit == 0)
        {
            while (count > 0 && parts[count - 1].Length == 0)
            {
                count--;
            }
        }

        var result = new List<object?>(count);
        for (var i = 0; i < count; i++)
        {
            result.Add(parts[i]);
        }

        return result;
    }

    /// <summary>indent: every line but the first gets the prefix; nindent: a newline first, then every line.</summary>
    private static string Indent(string text, Arguments args, bool leadingNewline, RenderBudget budget)
    {
        var unit = args.Text(1, " ");
        var amount = args.Long(0, 0);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        // A huge amount times many lines is checked before the prefix is built.
        var needed = text.Length + ((Int128)Math.Max(0, amount) * unit.Length * lines.Length);
        budget.CheckLength(needed > long.MaxValue ? long.MaxValue : (long)needed);
        var prefix = string.Concat(Enumerable.Repeat(unit, (int)amount));
        var builder = new StringBuilder();
        if (leadingNewline)
        {
            builder.Append('\n');
        }

        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                builder.Append('\n');
            }

            if ((i > 0 || leadingNewline) && lines[i].Length > 0)
            {
                builder.Append(prefix);
            }

            builder.Append(lines[i]);
        }

        return builder.ToString();
    }

    private static string EscapeChar(string text, string type) => type.ToLowerInvariant() switch
    {
        "single" => text.Replace("'", "\\'", StringComparison.Ordinal),
        "double" => text.Replace("\"", "\\\"", StringComparison.Ordinal),
        "shell" => text.Replace("'", "'\\''", StringComparison.Ordinal),
        _ => throw new ExpressionException(string.Create(CultureInfo.InvariantCulture, $"unknown type '{type}'; use 'single', 'double' or 'shell'")),
    };
}
